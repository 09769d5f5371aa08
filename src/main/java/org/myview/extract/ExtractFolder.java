package org.myview.extract;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import org.myview.staff.Role;
import org.myview.staff.StaffAccount;
import org.myview.staff.StaffAccountService;
import org.myview.staff.StaffUser;
import org.myview.web.ImportUploads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Picks up extracts from a folder (myview.extract.folder; off when unset): each {@code *.csv} file is imported once,
 * whichever instance claims it first (a row in extract_file, keyed by name and SHA-256), then moved aside to
 * {@code imported/} or {@code refused/} with its result beside it ({@code <name>.result.json}). The import is the
 * page's, as the account in myview.extract.folder-account (an active service manager). docs/extracts.md, "Folder".
 */
@Singleton
@Requires(property = "myview.extract.folder")
public class ExtractFolder {

    private static final Logger LOG = LoggerFactory.getLogger(ExtractFolder.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path folder;
    private final String accountName;
    private final Duration settle;
    private final ExtractImport importer;
    private final ExtractClaims files;
    private final StaffAccountService staff;
    private final ObjectMapper json;
    private final Clock clock;

    ExtractFolder(@Value("${myview.extract.folder}") String folder, @Value("${myview.extract.folder-account:}") String accountName,
                  @Value("${myview.extract.folder-settle:30s}") Duration settle, ExtractImport importer, ExtractClaims files,
                  StaffAccountService staff, ObjectMapper json, Clock clock) {
        this.folder = Path.of(folder);
        this.accountName = accountName;
        this.settle = settle;
        this.importer = importer;
        this.files = files;
        this.staff = staff;
        this.json = json;
        this.clock = clock;
    }

    /** Looks at the folder once; returns how many files this instance imported or refused. */
    public int pickUp() {
        Optional<StaffAccount> account = staff.findByUsername(accountName)
                .filter(a -> !a.disabled() && a.has(Role.SERVICE_MANAGER));
        if (account.isEmpty()) {
            LOG.warn("Extract folder not read: myview.extract.folder-account must name an active service manager");
            return 0;
        }
        StaffUser user = new StaffUser(account.get().id(), account.get().username(), account.get().displayName(),
                account.get().roles(), null);
        int done = 0;
        for (Path file : candidates()) {
            try {
                if (pickUp(user, file)) {
                    done++;
                }
            } catch (NoSuchFileException e) {
                // Another instance moved it aside between the listing and now.
            } catch (IOException e) {
                LOG.warn("Extract folder: a file could not be read or moved ({})", e.getClass().getSimpleName());
            }
        }
        return done;
    }

    private boolean pickUp(StaffUser user, Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        String hash = sha256(bytes);
        Instant now = clock.instant();
        Optional<Long> claim = files.claim(name, hash, now);
        if (claim.isEmpty()) {
            if (files.finished(name, hash)) {
                // The same file again, after it was imported and moved: set it aside as done, without importing it twice.
                moveAside(file, "imported", "{\"imported\":false,\"alreadyImported\":true}");
            }
            return false;
        }
        String text = ImportUploads.decode(bytes);
        ExtractImport.ExtractResult result = text == null
                ? ExtractImport.ExtractResult.refused(0, List.of(new ExtractImport.ExtractError(1, null, "FILE",
                "The file is not UTF-8 text. Save it as CSV UTF-8.")))
                : importer.importCsv(user, text);
        moveAside(file, result.imported() ? "imported" : "refused", json.writeValueAsString(result));
        files.finish(claim.get(), clock.instant(), result.imported());
        LOG.info("Extract folder: a file was {} ({} rows, {} errors)", result.imported() ? "imported" : "refused", result.rows(),
                result.errors().size());
        return true;
    }

    /** Only settled CSV files: one still being written (changed in the last myview.extract.folder-settle) waits. */
    private List<Path> candidates() {
        List<Path> found = new ArrayList<>();
        Instant settled = clock.instant().minus(settle);
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.csv")) {
            for (Path path : stream) {
                if (Files.isRegularFile(path) && Files.getLastModifiedTime(path).toInstant().isBefore(settled)) {
                    found.add(path);
                }
            }
        } catch (IOException e) {
            LOG.warn("Extract folder could not be listed ({})", e.getClass().getSimpleName());
        }
        found.sort(null);
        return found;
    }

    private void moveAside(Path file, String outcome, String resultJson) throws IOException {
        Path target = folder.resolve(outcome);
        Files.createDirectories(target);
        String stamped = STAMP.format(clock.instant()) + "-" + file.getFileName();
        // Moved first: when another instance moved it already this fails, and leaves no stray result behind.
        Files.move(file, target.resolve(stamped), StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(target.resolve(stamped + ".result.json"), resultJson);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
