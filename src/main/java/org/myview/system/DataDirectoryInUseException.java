package org.myview.system;

import java.nio.file.Path;

/** Another service already runs the embedded PostgreSQL on this data directory: said in one plain sentence. */
public class DataDirectoryInUseException extends RuntimeException {

    public DataDirectoryInUseException(Path directory) {
        super("Another MyView service is already using the embedded database in " + directory
                + ": stop that one, or give this one its own MYVIEW_EMBEDDED_DATABASE_DATA_DIRECTORY.", null, false, false);
    }
}
