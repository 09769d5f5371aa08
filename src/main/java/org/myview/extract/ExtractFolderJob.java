package org.myview.extract;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Reads the extract folder every myview.extract.folder-interval (5 minutes) on every instance, when a folder is set. */
@Singleton
@Requires(property = "myview.extract.folder")
@Requires(property = "myview.extract.folder-job-enabled", notEquals = "false")
record ExtractFolderJob(ExtractFolder folder) {

    @Scheduled(fixedDelay = "${myview.extract.folder-interval:5m}", initialDelay = "${myview.extract.folder-initial-delay:1m}")
    void run() {
        folder.pickUp();
    }
}
