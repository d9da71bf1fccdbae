package org.vaml4j.cli;

/** A user error on the command line: printed as one message, exit code 2. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
