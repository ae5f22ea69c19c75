/** What `chasing-light --help` prints: kept apart so that help answers without loading the services. */
export const USAGE = `chasing-light — 追光 photo campaign tool

  chasing-light new <dir> [--name <title>]
  chasing-light import <dir> <path>... [--photographer <name>] [--company <name>] [--day YYYY-MM-DD] [--copy] [--json]
  chasing-light photos <dir> [--json]
  chasing-light serve [<dir>] [--port <n>] [--kiosk]   (no dir: the demo campaign; --kiosk prints the kiosk's read-only address)
  chasing-light roster import <dir> <file.xlsx|file.csv> [--create-companies] [--dry-run] [--json]
  chasing-light workers <dir> [--json]
  chasing-light companies <dir> [--json]
  chasing-light tag <dir> <photoId> --worker <workerId|name> [--region x,y,w,h] [--company keep|worker]
  chasing-light untag <dir> <photoId> --worker <workerId>
  chasing-light xmp <dir> [--out <folder>]
  chasing-light export <dir> [--template <id>] [--size <name|WxHmm>] [--dpi 300] [--format jpeg|tiff|pdf]
                       [--bleed <mm>] [--marks] [--raster-marks] [--cmyk] [--icc <file.icc>] [--allow-low-res]
                       [--per worker|photo] [--photos id,id…] [--impose A4|A3] [--out <folder>] [--json]
  chasing-light templates <dir> [--json]
  chasing-light gallery <dir> --out <folder> [--base-url URL] [--check] [--json]   the static web gallery (photos everyone agreed to)
  chasing-light find <dir> <query> [--json]     a worker by name, pinyin or initials (zmd), with their photos and places
  chasing-light faces detect <dir> [--again] [--thorough] [--json]   find faces in photos not scanned yet: {"photos","faces","seconds"}
  chasing-light faces <dir> [--json]            every face: faceId, photoId, box, workerId, suggestion {workerId, score}
  chasing-light faces assign <dir> <faceId> --worker <id|name>   say who a face is (tags the photo, writes its region)
  chasing-light faces reject <dir> <faceId> [--worker <id>]      "not them": its suggestion is never offered again
  chasing-light exhibition plan <dir> [--title T] [--boards N] [--board-size 900x1200mm] [--order company|photographer|day|name] [--json]
  chasing-light exhibition export <dir> --what boards|labels|catalogue|summary|poster [--format pdf|jpeg|tiff] [--dpi N]
                       [--bleed <mm>] [--no-marks] [--base-url URL] [--material KT板] [--allow-low-res] [--out <folder>] [--json]
                       [--label-template label-15x10|label-10x7|label-a6] [--label-sheet A4|A3|single]
                       [--page-size A4|210x285] [--landscape] [--cover <photoId>] [--poster-size A2|A1]
  chasing-light api <dir> <method> [<request JSON>|-]   any method of the API, as the window calls it; prints its JSON answer
  chasing-light api --list [--json]             every method, with its kind (read, edit, export, session)

Exit codes: 0 done (an import with failed files is still done), 2 bad usage, 1 unexpected failure,
3 an export that finished but refused or failed a gift or a board (a gift below 150 ppi or a board photo below
50 ppi without --allow-low-res, a missing original).`;

/** Bad usage (a missing argument, an unknown option): exit code 2 with the usage text. */
export class UsageError extends Error {}
