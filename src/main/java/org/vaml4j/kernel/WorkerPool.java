package org.vaml4j.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed team of {@code parts - 1} daemon worker threads plus the calling thread, owned by one
 * {@link VectorKernels} instance (no static pool). {@link #run} hands every part the same
 * {@link Task}; part 0 runs on the caller, which returns when all parts are done.
 *
 * <p>Dispatch allocates nothing: the task is a reusable object and workers wait on a generation
 * counter, spinning briefly (kernels arrive in quick bursts during a training step) and then
 * parking. Workers start on the first call and stop on {@link #close()}.
 *
 * <p>Only one caller may use the team at a time; {@link #tryAcquire} returns false when another
 * thread holds it, so that caller can do the work alone. Because every backend method computes
 * each output in a fixed order whatever the split, the result is the same either way.
 */
final class WorkerPool implements AutoCloseable {

    /** One parallel job: part {@code part} of {@code parts} does its share. */
    interface Task {
        void run(int part, int parts);
    }

    /** How long an idle worker or the waiting caller spins before parking. */
    private static final long SPIN_NANOS = 50_000;

    private final int parts;
    private final ReentrantLock owner = new ReentrantLock();
    private final AtomicInteger pending = new AtomicInteger();
    private Thread[] workers;                 // (parts - 1), started lazily
    private AtomicIntegerArray parked;         // (parts - 1): 1 while worker w parks or is about to
    private volatile Task task;
    private volatile int generation;
    private volatile Thread caller;
    private volatile boolean callerParked;
    private volatile Throwable failure;
    private volatile boolean closed;

    WorkerPool(int parts) {
        if (parts < 1) throw new IllegalArgumentException("parts must be >= 1, got " + parts);
        this.parts = parts;
    }

    int parts() {
        return parts;
    }

    /**
     * Takes the team for the calling thread; false when another thread holds it (or it is
     * closed), in which case the caller should do its work alone with its own scratch.
     */
    boolean tryAcquire() {
        return !closed && owner.tryLock();
    }

    /** Gives the team back after {@link #tryAcquire}. */
    void release() {
        owner.unlock();
    }

    /** Runs {@code t} on all parts and waits for them; the caller must hold the team. */
    void run(Task t) {
        if (!owner.isHeldByCurrentThread()) throw new IllegalStateException("run() without tryAcquire()");
        if (parts == 1) {
            t.run(0, 1);
            return;
        }
        if (workers == null) start();
        failure = null;
        task = t;
        caller = Thread.currentThread();
        pending.set(parts - 1);
        generation++;                                  // publishes task (volatile write)
        for (int w = 0; w < workers.length; w++) {
            if (parked.get(w) != 0) LockSupport.unpark(workers[w]);
        }
        Throwable own = null;
        try {
            t.run(0, parts);
        } catch (Throwable e) {
            own = e;
        }
        awaitWorkers();
        task = null;
        if (own != null) rethrow(own);
        Throwable f = failure;
        if (f != null) rethrow(f);
    }

    private void awaitWorkers() {
        long t0 = System.nanoTime();
        while (pending.get() != 0) {
            if (System.nanoTime() - t0 < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                callerParked = true;
                if (pending.get() != 0) LockSupport.park(this);
                callerParked = false;
            }
        }
    }

    private void start() {
        parked = new AtomicIntegerArray(parts - 1);
        workers = new Thread[parts - 1];
        for (int w = 0; w < workers.length; w++) {
            final int part = w + 1;
            final int before = generation;   // read here: the thread may first run after run() bumps it
            Thread th = new Thread(() -> workerLoop(part, before), "vaml4j-kernels-" + part);
            th.setDaemon(true);
            workers[w] = th;
        }
        for (Thread th : workers) th.start();
    }

    private void workerLoop(int part, int seen) {
        while (!closed) {
            long t0 = System.nanoTime();
            while (generation == seen && !closed) {
                if (System.nanoTime() - t0 < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    // Dekker handshake with run(): flag, then re-check; run() bumps, then reads the flags
                    parked.set(part - 1, 1);
                    if (generation == seen && !closed) LockSupport.park(this);
                    parked.set(part - 1, 0);
                    t0 = System.nanoTime();
                }
            }
            if (closed) return;
            seen = generation;
            Task t = task;
            try {
                if (t != null) t.run(part, parts);
            } catch (Throwable e) {
                failure = e;
            }
            if (pending.decrementAndGet() == 0 && callerParked) LockSupport.unpark(caller);
        }
    }

    private static void rethrow(Throwable e) {
        if (e instanceof RuntimeException r) throw r;
        if (e instanceof Error err) throw err;
        throw new IllegalStateException("kernel worker failed", e);
    }

    /** Stops the workers; later calls run on the caller alone. */
    @Override
    public void close() {
        owner.lock();
        try {
            closed = true;
            if (workers != null) for (Thread th : workers) LockSupport.unpark(th);
        } finally {
            owner.unlock();
        }
    }
}
