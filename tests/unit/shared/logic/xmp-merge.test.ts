import { describe, expect, it } from 'vitest';
import { mergeXmpSidecar, XmpMergeError } from '../../../../shared/logic/xmp-merge';
import { buildXmpSidecar } from '../../../../shared/logic/xmp-write';
import { photoRecord } from '../../../helpers/factories';

/** A Lightroom-style sidecar: develop settings (crs:), a rating and a title as attributes, a stranger's face region. */
const LIGHTROOM = `<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Adobe XMP Core 7.0">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/"
    xmlns:stArea="http://ns.adobe.com/xmp/sType/Area#"
    xmp:Rating="2"
    crs:Exposure2012="+0.65"
    crs:Temperature="5200">
   <crs:ToneCurvePV2012><rdf:Seq><rdf:li>0, 0</rdf:li><rdf:li>255, 255</rdf:li></rdf:Seq></crs:ToneCurvePV2012>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">old title</rdf:li></rdf:Alt></dc:title>
   <mwg-rs:Regions rdf:parseType="Resource"><mwg-rs:RegionList><rdf:Bag>
    <rdf:li rdf:parseType="Resource"><mwg-rs:Name>访客</mwg-rs:Name><mwg-rs:Type>Face</mwg-rs:Type><mwg-rs:Area stArea:x="0.8" stArea:y="0.5" stArea:w="0.1" stArea:h="0.1" stArea:unit="normalized"/></rdf:li>
   </rdf:Bag></mwg-rs:RegionList></mwg-rs:Regions>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>`;

describe(mergeXmpSidecar.name, () => {
  it("replaces what we speak for and keeps everything else: develop settings, other people's regions", () => {
    const photo = photoRecord({
      rating: 5,
      title: '师傅带徒弟',
      workers: ['w1'],
      faceRegions: [{ workerId: 'w1', x: 0.1, y: 0.1, w: 0.2, h: 0.2 }],
    });
    const ours = buildXmpSidecar(photo, [{ id: 'w1', name: '占牡丹' } as never], []);
    const merged = mergeXmpSidecar(LIGHTROOM, ours);
    expect(merged).toContain('crs:Exposure2012="+0.65"');
    expect(merged).toContain('<crs:ToneCurvePV2012>');
    expect(merged).toContain('xmp:Rating="5"');
    expect(merged).not.toContain('xmp:Rating="2"');
    expect(merged).toContain('师傅带徒弟');
    expect(merged).not.toContain('old title');
    expect(merged).toContain('占牡丹');
    expect(merged).toContain('访客'); // someone else's region stays
    expect(merged.match(/<mwg-rs:Regions/g)).toHaveLength(1);
  });

  it('refuses to touch a sidecar that is not XMP', () => {
    expect(() => mergeXmpSidecar('this is not xml <<<', buildXmpSidecar(photoRecord(), [], []))).toThrow(XmpMergeError);
  });
});
