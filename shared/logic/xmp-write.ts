import type { Photo } from '../model/photo';
import type { Company, Worker } from '../model/roster';
import { displayedSize } from './orientation';
import { regionToStored } from './region-orientation';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (n: number) => String(Math.round(n * 1e6) / 1e6);

const alt = (tag: string, text: string | null) =>
  text ? `   <${tag}><rdf:Alt><rdf:li xml:lang="x-default">${esc(text)}</rdf:li></rdf:Alt></${tag}>\n` : '';
const list = (tag: string, kind: 'Bag' | 'Seq', items: string[]) =>
  items.length
    ? `   <${tag}><rdf:${kind}>${items.map((i) => `<rdf:li>${esc(i)}</rdf:li>`).join('')}</rdf:${kind}></${tag}>\n`
    : '';

/**
 * An XMP sidecar with IPTC Core/Extension and MWG face regions, as Lightroom, digiKam and exiftool read them:
 * Person Shown (Iptc4xmpExt:PersonInImage), Organisation in Image, Creator, Title, Description, Keywords, Rating,
 * and one named Face region per tagged worker with a drawn face.
 */
export function buildXmpSidecar(photo: Photo, people: Worker[], companies: Company[]): string {
  const names = people.map((w) => w.name);
  const organisations = [...new Set([photo.company, ...companies.map((c) => c.name)].filter((c): c is string => !!c))];
  const creator = photo.photographer ?? photo.artist;
  const faces = photo.faceRegions
    .map((r) => ({ r, w: people.find((p) => p.id === r.workerId) }))
    .filter((f): f is { r: typeof f.r; w: Worker } => !!f.w);
  // MWG areas refer to the stored pixels: undo the orientation, and give the stored dimensions.
  const stored = displayedSize(photo.width, photo.height, photo.orientation);
  const regions = faces.length
    ? `   <mwg-rs:Regions rdf:parseType="Resource">
    <mwg-rs:AppliedToDimensions stDim:w="${stored.width}" stDim:h="${stored.height}" stDim:unit="pixel"/>
    <mwg-rs:RegionList><rdf:Bag>
${faces
  .map(({ r, w }) => {
    const s = regionToStored(r, photo.orientation);
    return `     <rdf:li rdf:parseType="Resource"><mwg-rs:Name>${esc(w.name)}</mwg-rs:Name><mwg-rs:Type>Face</mwg-rs:Type><mwg-rs:Area stArea:x="${num(s.x + s.w / 2)}" stArea:y="${num(s.y + s.h / 2)}" stArea:w="${num(s.w)}" stArea:h="${num(s.h)}" stArea:unit="normalized"/></rdf:li>`;
  })
  .join('\n')}
    </rdf:Bag></mwg-rs:RegionList>
   </mwg-rs:Regions>\n`
    : '';
  const attrs = [
    `xmp:Rating="${photo.rating}"`,
    photo.capturedAt ? `photoshop:DateCreated="${esc(photo.capturedAt)}"` : null,
    `xmp:CreatorTool="Chasing Light"`,
  ]
    .filter(Boolean)
    .join('\n    ');
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
    xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
    xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/"
    xmlns:stDim="http://ns.adobe.com/xap/1.0/sType/Dimensions#"
    xmlns:stArea="http://ns.adobe.com/xmp/sType/Area#"
    ${attrs}>
${list('dc:creator', 'Seq', creator ? [creator] : [])}${alt('dc:title', photo.title)}${alt('dc:description', photo.caption)}${list('dc:subject', 'Bag', photo.keywords)}${list('Iptc4xmpExt:PersonInImage', 'Bag', names)}${list('Iptc4xmpExt:OrganisationInImageName', 'Bag', organisations)}${regions}  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>
`;
}

/**
 * The little a photo carries onto the web: its title, the photographer's credit and the names of the people in it
 * — no GPS, no camera serials, no maker notes, nothing from the roster beyond names.
 */
export function buildWebXmp(p: {
  title: string | null;
  creator: string | null;
  credit: string | null;
  people: string[];
}): string {
  const bag = (items: string[]) => `<rdf:Bag>${items.map((i) => `<rdf:li>${esc(i)}</rdf:li>`).join('')}</rdf:Bag>`;
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
    xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"${p.credit ? `\n    photoshop:Credit="${esc(p.credit)}"` : ''}>
${p.title ? `   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${esc(p.title)}</rdf:li></rdf:Alt></dc:title>\n` : ''}${p.creator ? `   <dc:creator><rdf:Seq><rdf:li>${esc(p.creator)}</rdf:li></rdf:Seq></dc:creator>\n` : ''}${p.people.length ? `   <Iptc4xmpExt:PersonInImage>${bag(p.people)}</Iptc4xmpExt:PersonInImage>\n` : ''}  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}
