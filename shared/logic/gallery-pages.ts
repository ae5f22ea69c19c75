/**
 * The web gallery's pages as plain HTML: an index (title, figures, a grid of thumbnails loaded as they scroll in,
 * filters, the search), a page per photo (the stable address a wall label's QR code opens) and a page per worker.
 * They work opened from disk (file://) and from any static host: relative links, classic scripts, the search data
 * as a script rather than a fetched file. Pure: text in, text out.
 */

export interface GalleryPhoto {
  id: string;
  /** 板3-05, or null when not on a wall */
  number: string | null;
  title: string;
  /** 绕线工 · 科润智控 */
  who: string;
  quote: string | null;
  /** 摄影：陈晓明 · 2025年5月 */
  credit: string;
  company: string | null;
  photographer: string | null;
  workers: { id: string; name: string }[];
  width: number;
  height: number;
}

export interface GalleryWorker {
  id: string;
  name: string;
  pinyin: string;
  company: string | null;
  photoIds: string[];
}

export interface GallerySite {
  title: string;
  subtitle: string;
  organizers: string | null;
  /** figures as said on the index: [label, value] */
  figures: [string, number][];
  /** the public address (for Open Graph tags, which want absolute addresses); null when unknown */
  baseUrl: string | null;
}

export const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export const photoPath = (id: string) => `photos/${encodeURIComponent(id)}.html`;
export const workerPath = (id: string) => `workers/${encodeURIComponent(id)}.html`;
export const imagePath = (id: string) => `images/${encodeURIComponent(id)}.jpg`;
export const thumbPath = (id: string) => `thumbs/${encodeURIComponent(id)}.jpg`;

function shell(
  site: GallerySite,
  o: {
    title: string;
    up: string;
    description: string;
    image: string | null;
    page: string;
    body: string;
    scripts?: string[];
  },
): string {
  const abs = (p: string) => (site.baseUrl ? `${site.baseUrl.replace(/\/+$/, '')}/${p}` : null);
  const og = [
    `<meta property="og:type" content="website">`,
    `<meta property="og:title" content="${esc(o.title)}">`,
    `<meta property="og:description" content="${esc(o.description)}">`,
    abs(o.page) ? `<meta property="og:url" content="${esc(abs(o.page)!)}">` : '',
    o.image ? `<meta property="og:image" content="${esc(abs(o.image) ?? `${o.up}${o.image}`)}">` : '',
  ].filter(Boolean);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(o.title)}</title>
<meta name="description" content="${esc(o.description)}">
${og.join('\n')}
<link rel="stylesheet" href="${o.up}assets/gallery.css">
</head>
<body>
${o.body}
<footer class="foot">${esc([site.organizers, site.subtitle].filter(Boolean).join(' · '))}</footer>
${(o.scripts ?? []).map((s) => `<script src="${o.up}${s}"></script>`).join('\n')}
</body>
</html>
`;
}

const tile = (p: GalleryPhoto, up: string) =>
  `<a class="tile" href="${up}${photoPath(p.id)}" data-company="${esc(p.company ?? '')}" data-photographer="${esc(p.photographer ?? '')}"><img src="${up}${thumbPath(p.id)}" loading="lazy" decoding="async" width="${p.width >= p.height ? 400 : Math.round((400 * p.width) / p.height)}" height="${p.height >= p.width ? 400 : Math.round((400 * p.height) / p.width)}" alt="${esc(p.title)}"><span class="cap">${p.number ? `<b>${esc(p.number)}</b> ` : ''}${esc(p.title)}</span></a>`;

/** The index: title, figures, search, filters and every photo as a lazily loaded thumbnail. */
export function indexPage(site: GallerySite, photos: GalleryPhoto[]): string {
  const options = (values: (string | null)[]) =>
    [...new Set(values.filter((v): v is string => !!v))]
      .sort((a, b) => a.localeCompare(b, 'zh-CN'))
      .map((v) => `<option>${esc(v)}</option>`)
      .join('');
  const body = `<header class="head">
<h1>${esc(site.title)}</h1>
${site.subtitle && site.subtitle !== site.title ? `<p class="theme">${esc(site.subtitle)}</p>` : ''}
<ul class="figures">${site.figures.map(([label, n]) => `<li><b>${n}</b>${esc(label)}</li>`).join('')}</ul>
</header>
<section class="find">
<label for="q">找找你自己</label>
<input id="q" type="search" placeholder="输入名字、拼音或首字母，如 zmd" autocomplete="off" enterkeyhint="search">
<div id="results" aria-live="polite"></div>
</section>
<nav class="filters">
<select id="company"><option value="">全部企业</option>${options(photos.map((p) => p.company))}</select>
<select id="photographer"><option value="">全部摄影师</option>${options(photos.map((p) => p.photographer))}</select>
</nav>
<main class="grid" id="grid">
${photos.map((p) => tile(p, '')).join('\n')}
</main>`;
  return shell(site, {
    title: site.title,
    up: '',
    description: site.subtitle || site.title,
    image: photos[0] ? imagePath(photos[0].id) : null,
    page: 'index.html',
    body,
    scripts: ['data/search.js', 'assets/gallery.js'],
  });
}

/** A photo's own page: the photo, its label text, and a button that saves the 2048 px JPEG. */
export function photoPage(site: GallerySite, p: GalleryPhoto): string {
  const body = `<nav class="back"><a href="../index.html">← ${esc(site.title)}</a></nav>
<figure class="photo">
<img src="../${imagePath(p.id)}" alt="${esc(p.title)}" width="${p.width}" height="${p.height}">
<figcaption>
${p.number ? `<p class="number">${esc(p.number)}</p>` : ''}
<h1>${esc(p.title)}</h1>
${p.who ? `<p class="who">${esc(p.who)}</p>` : ''}
${p.quote ? `<p class="quote">“${esc(p.quote)}”</p>` : ''}
<p class="credit">${esc(p.credit)}</p>
<p><a class="save" href="../${imagePath(p.id)}" download="${esc(`${p.title || p.id}.jpg`)}">保存照片</a></p>
${p.workers.length ? `<p class="people">${p.workers.map((w) => `<a href="../${workerPath(w.id)}">${esc(w.name)}的全部照片</a>`).join(' ')}</p>` : ''}
</figcaption>
</figure>`;
  return shell(site, {
    title: `${p.title} · ${site.title}`,
    up: '../',
    description: [p.who, p.quote ? `“${p.quote}”` : '', p.credit].filter(Boolean).join(' '),
    image: imagePath(p.id),
    page: photoPath(p.id),
    body,
  });
}

/** A worker's page: every photo of them that may be shown. */
export function workerPage(site: GallerySite, w: GalleryWorker, photos: GalleryPhoto[]): string {
  const body = `<nav class="back"><a href="../index.html">← ${esc(site.title)}</a></nav>
<header class="head"><h1>${esc(w.name)}</h1>${w.company ? `<p class="theme">${esc(w.company)}</p>` : ''}</header>
<main class="grid">
${photos.map((p) => tile(p, '../')).join('\n')}
</main>`;
  return shell(site, {
    title: `${w.name} · ${site.title}`,
    up: '../',
    description: `${w.name}的照片`,
    image: photos[0] ? imagePath(photos[0].id) : null,
    page: workerPath(w.id),
    body,
  });
}

/**
 * The search data as a script (a fetched JSON file is refused under file://): names, pinyin and where their
 * photos are — names only, nothing else from the roster.
 */
export function searchData(workers: GalleryWorker[], photos: GalleryPhoto[]): string {
  const data = {
    workers: workers.map((w) => ({ id: w.id, name: w.name, pinyin: w.pinyin, company: w.company, photos: w.photoIds })),
    photos: Object.fromEntries(photos.map((p) => [p.id, { number: p.number, title: p.title }])),
  };
  return `window.GALLERY = ${JSON.stringify(data).replace(/</g, '\\u003c')};\n`;
}
