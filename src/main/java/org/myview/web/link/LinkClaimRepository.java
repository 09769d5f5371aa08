package org.myview.web.link;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

/** Which form session holds an opened link, and the holder's code for another device. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface LinkClaimRepository extends GenericRepository<LinkClaimRepository.Claim, Long> {

    @MappedEntity("link_claim")
    record Claim(@Id Long linkId, String kind, String sessionHash, @Nullable String codeHash, int codeFailures) {
    }

    /** The first session to open a link holds it; later ones change nothing here. */
    @Query("""
            insert into link_claim (kind, link_id, session_hash) values (:kind, :linkId, :sessionHash)
            on conflict (kind, link_id) do nothing""")
    void claimIfFree(String kind, long linkId, String sessionHash);

    @Query("select link_id, kind, session_hash, code_hash, code_failures from link_claim where kind = :kind and link_id = :linkId")
    Optional<Claim> find(String kind, long linkId);

    /** The claim, locked: wrong codes and hand-overs on the same link take turns. */
    @Query("select link_id, kind, session_hash, code_hash, code_failures from link_claim where kind = :kind and link_id = :linkId for update")
    Optional<Claim> lock(String kind, long linkId);

    @Query("""
            update link_claim set code_hash = :codeHash, code_failures = 0
            where kind = :kind and link_id = :linkId and session_hash = :sessionHash""")
    int setCode(String kind, long linkId, String sessionHash, String codeHash);

    @Query("update link_claim set session_hash = :sessionHash, code_failures = 0 where kind = :kind and link_id = :linkId")
    int handOver(String kind, long linkId, String sessionHash);

    /** A wrong code: counted; at the limit the code stops working (a new link from the sender starts afresh). */
    @Query("""
            update link_claim set code_failures = code_failures + 1,
                code_hash = case when code_failures + 1 >= :limit then null else code_hash end
            where kind = :kind and link_id = :linkId""")
    int countWrongCode(String kind, long linkId, int limit);
}
