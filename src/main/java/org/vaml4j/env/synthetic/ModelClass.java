package org.vaml4j.env.synthetic;

/**
 * The two model classes of Lovatto et al. §5.1 for fitting a {@link SyntheticTask}: a model
 * with the dynamics' architecture (realizable: the true dynamics is in the class) or with one
 * hidden layer fewer (unrealizable), same hidden width.
 */
public enum ModelClass {
    REALIZABLE(0),
    UNREALIZABLE(-1);

    private final int depthChange;

    ModelClass(int depthChange) {
        this.depthChange = depthChange;
    }

    /** Hidden layers of the model for a task whose dynamics has {@code task.dynamics().depth()}. */
    public int hiddenLayers(SyntheticTask task) {
        return task.dynamics().depth() + depthChange;
    }
}
