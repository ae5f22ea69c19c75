import { DOMParser, XMLSerializer, type Document, type Element, type Node } from '@xmldom/xmldom';

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const MWG_RS = 'http://www.metadataworkinggroup.com/schemas/regions/';

/**
 * The properties our sidecar speaks for. Everything else in an existing sidecar (a Lightroom develop setting,
 * a digiKam label, a namespace we have never heard of) is kept exactly as it was.
 */
const OURS: [ns: string, local: string][] = [
  ['http://purl.org/dc/elements/1.1/', 'creator'],
  ['http://purl.org/dc/elements/1.1/', 'title'],
  ['http://purl.org/dc/elements/1.1/', 'description'],
  ['http://purl.org/dc/elements/1.1/', 'subject'],
  ['http://ns.adobe.com/xap/1.0/', 'Rating'],
  ['http://ns.adobe.com/photoshop/1.0/', 'DateCreated'],
  ['http://iptc.org/std/Iptc4xmpExt/2008-02-29/', 'PersonInImage'],
  ['http://iptc.org/std/Iptc4xmpExt/2008-02-29/', 'OrganisationInImageName'],
  [MWG_RS, 'Regions'],
];
const isOurs = (ns: string | null, local: string | null) => OURS.some(([n, l]) => n === ns && l === local);

export class XmpMergeError extends Error {}

const elements = (parent: Node, ns: string, local: string): Element[] => {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === local)
      out.push(n as Element);
  return out;
};
const descendants = (root: Element | Document, ns: string, local: string): Element[] =>
  Array.from(root.getElementsByTagNameNS(ns, local)) as Element[];

function parse(text: string, what: string): Document {
  const errors: string[] = [];
  let doc: Document;
  try {
    doc = new DOMParser({ onError: (level, msg) => level !== 'warning' && errors.push(msg) }).parseFromString(
      text.replace(/^\uFEFF/, ''),
      'text/xml',
    );
  } catch (err) {
    throw new XmpMergeError(`${what}: ${(err as Error).message.split('\n')[0]}`);
  }
  if (errors.length || !descendants(doc, RDF, 'RDF').length)
    throw new XmpMergeError(`${what}: ${errors[0] ?? 'no rdf:RDF element'}`);
  return doc;
}

/** The names of the MWG regions in a Regions element (to tell ours from someone else's). */
function regionName(li: Element): string | null {
  const name = elements(li, MWG_RS, 'Name')[0];
  return name?.textContent ?? li.getAttributeNS(MWG_RS, 'Name') ?? null;
}

/**
 * Merges the sidecar we would write (`ours`) into one that is already there (`existing`): our properties replace
 * theirs, face regions of people we do not tag are kept, and every other property, namespace and packet
 * wrapper stays. Throws XmpMergeError when the existing file is not XMP we can read (it is then left alone).
 */
export function mergeXmpSidecar(existing: string, ours: string): string {
  const target = parse(existing, 'the existing sidecar');
  const source = parse(ours, 'our sidecar');
  const rdf = descendants(target, RDF, 'RDF')[0]!;
  const ourDescription = descendants(source, RDF, 'Description')[0]!;
  const ourNames = new Set(descendants(ourDescription, MWG_RS, 'Name').map((n) => n.textContent ?? ''));

  // Someone else's face regions (people we do not tag, other region types) are carried over into ours.
  const keptRegions: Element[] = [];
  for (const description of elements(rdf, RDF, 'Description')) {
    for (let i = description.attributes.length - 1; i >= 0; i--) {
      const a = description.attributes.item(i)!;
      if (isOurs(a.namespaceURI, a.localName)) description.removeAttributeNode(a);
    }
    for (let n = description.firstChild; n;) {
      const next = n.nextSibling;
      if (n.nodeType === 1 && isOurs((n as Element).namespaceURI, (n as Element).localName)) {
        if ((n as Element).localName === 'Regions')
          for (const li of descendants(n as Element, RDF, 'li'))
            if (li.parentNode && (li.parentNode as Element).localName === 'Bag' && !ourNames.has(regionName(li) ?? ''))
              keptRegions.push(li);
        description.removeChild(n);
      }
      n = next;
    }
  }

  let description = elements(rdf, RDF, 'Description')[0];
  if (!description) {
    description = target.createElementNS(RDF, 'rdf:Description');
    description.setAttributeNS(RDF, 'rdf:about', '');
    rdf.appendChild(description);
  }
  // Our namespace declarations, then our properties (attributes and elements), at the end of the first Description.
  for (let i = 0; i < ourDescription.attributes.length; i++) {
    const a = ourDescription.attributes.item(i)!;
    if (a.name.startsWith('xmlns:')) {
      if (!description.hasAttribute(a.name)) description.setAttribute(a.name, a.value);
    } else if (isOurs(a.namespaceURI, a.localName)) description.setAttributeNS(a.namespaceURI!, a.name, a.value);
  }
  let ourRegions: Element | null = null;
  for (let n = ourDescription.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const copy = target.importNode(n, true) as Element;
    if (copy.localName === 'Regions') ourRegions = copy;
    description.appendChild(copy);
    description.appendChild(target.createTextNode('\n  '));
  }
  if (keptRegions.length) {
    if (!ourRegions) {
      // We tag no face here: their regions stay as they were, in a Regions block of their own.
      ourRegions = target.createElementNS(MWG_RS, 'mwg-rs:Regions');
      ourRegions.setAttributeNS(RDF, 'rdf:parseType', 'Resource');
      const list = target.createElementNS(MWG_RS, 'mwg-rs:RegionList');
      list.appendChild(target.createElementNS(RDF, 'rdf:Bag'));
      ourRegions.appendChild(list);
      if (!description.hasAttribute('xmlns:mwg-rs')) description.setAttribute('xmlns:mwg-rs', MWG_RS);
      description.appendChild(ourRegions);
    }
    const bag = descendants(ourRegions, RDF, 'Bag')[0]!;
    for (const li of keptRegions) bag.appendChild(target.importNode(li, true));
  }
  return new XMLSerializer().serializeToString(target);
}
