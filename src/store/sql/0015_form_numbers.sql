-- The "Số: N/<ký hiệu>" of the printed forms the agency issues (Mẫu 01–04;
-- docs/FORMS.md "Numbers"). NĐ 30/2020 Điều 15 (domain.md §7.2): a
-- document's number is its order of issue in the agency's year, from 01 on
-- 1 January, unique within the year and never changed. One series per form
-- and year (the database serves one agency). A number belongs to the event
-- the form records (the receipt, the supplement request, the refusal, the
-- apology): it is allocated the first time that form is printed, in one
-- write, and every reprint shows the same number.
CREATE TABLE form_numbers (
    form       TEXT NOT NULL CHECK (form IN ('mau-01', 'mau-02', 'mau-03', 'mau-04')),
    year       INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 9999), -- of the form's date
    number     INTEGER NOT NULL CHECK (number >= 1),
    dossier    INTEGER NOT NULL,
    event_seq  INTEGER NOT NULL CHECK (event_seq >= 1),
    created_at INTEGER NOT NULL, -- minutes since the Unix epoch (UTC): first printed
    PRIMARY KEY (form, year, number),
    UNIQUE (form, dossier, event_seq),
    FOREIGN KEY (dossier, event_seq) REFERENCES events(dossier, seq)
) STRICT;
