package org.myview.extract;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

/** Claims on extract files in the folder, so that with several instances each file is imported once. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ExtractFileRepository extends GenericRepository<ExtractFileRepository.Claim, Long> {

    @Introspected
    record Claim(long id, Instant claimedAt) {
    }

    /** 1 when this call claimed the file; 0 when the file (name and content) was claimed before. */
    @Query("""
            insert into extract_file (file_name, sha256, claimed_at) values (:fileName, :sha256, :now)
            on conflict (file_name, sha256) do nothing""")
    int insertClaim(String fileName, String sha256, Instant now);

    @Query("""
            update extract_file set claimed_at = :now
            where file_name = :fileName and sha256 = :sha256 and finished_at is null and claimed_at < :staleBefore""")
    int takeOver(String fileName, String sha256, Instant now, Instant staleBefore);

    @Query("select id from extract_file where file_name = :fileName and sha256 = :sha256")
    Optional<Long> claimId(String fileName, String sha256);

    @Query("update extract_file set finished_at = :now, imported = :imported where id = :id")
    int finish(long id, Instant now, boolean imported);

    /** True when a file with this name and content was imported (or refused) and moved aside already. */
    @Query("select count(*) > 0 from extract_file where file_name = :fileName and sha256 = :sha256 and finished_at is not null")
    boolean finished(String fileName, String sha256);
}
