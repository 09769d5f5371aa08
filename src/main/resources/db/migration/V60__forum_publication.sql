-- Reach Out! figures, published once and frozen (docs/forum.md, "When figures are published").
-- A period (a financial-year quarter or a whole year) is published once it has ended plus the settling time; its
-- table is stored here with the cells that were hidden and never changes afterwards, so a late review cannot show
-- up as a changed figure. The true counts of hidden cells are kept because the year is built from its frozen
-- quarters; only the forum service reads them, and it never lets a hidden one out.
create table forum_publication (
    period_key         text        primary key,          -- '2025-26-q1' or '2025-26'
    financial_year     int         not null,             -- 2025 for 2025-26
    quarter            int         not null,             -- 1 to 4, or 0 for the whole year
    published_at       timestamptz not null,
    hide_counts_up_to  int         not null,
    age_bands          text        not null,             -- the bands' lower bounds then, e.g. '0,4,8,12,16'
    pn4_counts         boolean     not null,             -- whether PN4 counted as taking part then
    constraint forum_publication_quarter_valid check (quarter between 0 and 4)
);

-- The table as published: rows are age bands then the totals row, columns the ways of taking part then the total.
create table forum_publication_cell (
    period_key    text    not null references forum_publication (period_key),
    row_index     int     not null,
    column_index  int     not null,
    count         int     not null,
    hidden        boolean not null,
    primary key (period_key, row_index, column_index),
    constraint forum_publication_cell_count_valid check (count >= 0),
    -- A second line behind DisclosureControl: a shown count is never 1 to 5.
    constraint forum_publication_cell_small_hidden check (hidden or count = 0 or count > 5)
);

-- Published means frozen: no update or delete, whoever asks.
create function forum_publication_frozen() returns trigger language plpgsql as $$
begin
    raise exception 'published forum figures never change (%)', tg_table_name;
end;
$$;
create trigger forum_publication_frozen before update or delete on forum_publication
    for each row execute function forum_publication_frozen();
create trigger forum_publication_cell_frozen before update or delete on forum_publication_cell
    for each row execute function forum_publication_frozen();
