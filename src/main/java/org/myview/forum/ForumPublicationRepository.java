package org.myview.forum;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

/** Published forum figures (V60): written once per period, then only read. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ForumPublicationRepository extends GenericRepository<ForumPublicationRepository.Publication, String> {

    /** One published period and the settings its figures were made with. */
    @MappedEntity("forum_publication")
    record Publication(@Id String periodKey, int financialYear, int quarter, Instant publishedAt, int hideCountsUpTo,
                       String ageBands, boolean pn4Counts) {
    }

    /** One cell of a published table (totals row and column last). */
    @Introspected
    record PublishedCell(int rowIndex, int columnIndex, int count, boolean hidden) {
    }

    @Query("select * from forum_publication where financial_year = :financialYear order by quarter")
    List<Publication> ofYear(int financialYear);

    @Query("select row_index, column_index, count, hidden from forum_publication_cell where period_key = :periodKey "
            + "order by row_index, column_index")
    List<PublishedCell> cells(String periodKey);

    /**
     * Claims a period: 1 when this call published it, 0 when it was published already. A second instance doing the
     * same waits on the primary key until the first commits, then gets 0 and leaves the figures as they are.
     */
    @Query("insert into forum_publication (period_key, financial_year, quarter, published_at, hide_counts_up_to, age_bands, pn4_counts) "
            + "values (:periodKey, :financialYear, :quarter, :publishedAt, :hideCountsUpTo, :ageBands, :pn4Counts) "
            + "on conflict (period_key) do nothing")
    int insertPublication(String periodKey, int financialYear, int quarter, Instant publishedAt, int hideCountsUpTo,
                          String ageBands, boolean pn4Counts);

    @Query("insert into forum_publication_cell (period_key, row_index, column_index, count, hidden) "
            + "values (:periodKey, :rowIndex, :columnIndex, :count, :hidden)")
    int insertCell(String periodKey, int rowIndex, int columnIndex, int count, boolean hidden);
}
