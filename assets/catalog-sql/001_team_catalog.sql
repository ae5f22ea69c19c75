-- Chasing Light team catalog, schema 1. Applied on open by the catalog (one file per version, in order, each in
-- its own transaction); never edited once released: a change is a new file.
--
-- Columns for what the grid filters and sorts by (capture time, rating, flag, photographer, company, workers);
-- JSONB for the rest of a record, as the file project keeps it. Paths inside records are project-relative.

-- Which program this database belongs to, and at which schema: opening a database of another program, or one a
-- newer version has moved on, is refused by name before anything is written.
create table chasing_light_schema (
  version integer primary key,
  applied_at timestamptz not null default now()
);

-- The project itself: one row.
create table project (
  only_row boolean primary key default true check (only_row),
  id text not null,
  name text not null,
  created_at text not null,
  data jsonb not null default '{}'::jsonb,
  -- the file project pushed into this database, if one was: a second push of it (from another machine) is refused
  pushed_from text,
  version integer not null default 1
);

create table photos (
  id text primary key,
  version integer not null default 1,
  captured_at text,
  rating smallint not null default 0,
  flag text,
  photographer text,
  company_id text,
  worker_ids text[] not null default '{}',
  thumbnail text,
  width integer not null default 0,
  height integer not null default 0,
  data jsonb not null,
  changed_at timestamptz not null default now(),
  changed_by text not null default ''
);
create index photos_grid on photos (captured_at, id);
create index photos_company on photos (company_id);
create index photos_rating on photos (rating);
create index photos_photographer on photos (photographer);
create index photos_workers on photos using gin (worker_ids);

-- What a face looks like is 128 float32s as bytes (512 bytes), not JSON text.
create table faces (
  id text primary key,
  version integer not null default 1,
  photo_id text not null,
  worker_id text,
  state text not null,
  descriptor bytea,
  data jsonb not null,
  changed_at timestamptz not null default now(),
  changed_by text not null default ''
);
create index faces_photo on faces (photo_id);
create index faces_worker on faces (worker_id);

-- The smaller collections (companies, photographers, workers, templates, gifts, exhibitions, label templates).
create table records (
  kind text not null,
  id text not null,
  version integer not null default 1,
  data jsonb not null,
  changed_at timestamptz not null default now(),
  changed_by text not null default '',
  primary key (kind, id)
);

-- Every edit: who, when, what (in both languages), the records it touched, and their before and after (undo, and
-- a record's history). Other windows follow this table: a NOTIFY on chasing_light_edits names the new seq.
create table edits (
  seq bigserial primary key,
  at timestamptz not null default now(),
  who text not null,
  what jsonb not null,
  keys text[] not null,
  before jsonb not null default '{}'::jsonb,
  after jsonb not null default '{}'::jsonb
);
create index edits_keys on edits using gin (keys);
