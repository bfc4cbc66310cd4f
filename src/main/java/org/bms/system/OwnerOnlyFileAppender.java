package org.bms.system;

import ch.qos.logback.core.rolling.RollingFileAppender;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;

/**
 * Logback's rolling file appender, but every log file it opens, and the directory it makes for them, is
 * owner-only ({@link OwnerOnlyFiles}): log lines name account holders and ids. Rolled files are renamed, not
 * rewritten, so they keep the permission.
 */
public class OwnerOnlyFileAppender<E> extends RollingFileAppender<E> {

    @Override
    public void openFile(String fileName) throws IOException {
        try {
            OwnerOnlyFiles.createFile(Path.of(fileName));
        } catch (FileAlreadyExistsException appendedTo) {
            // An earlier run's log: appended to, with the permissions it has.
        }
        super.openFile(fileName);
    }
}
