import { describe, expect, it } from 'vitest';
import {
  formatAperture,
  formatCamera,
  formatCapturedAt,
  formatDuration,
  formatExposure,
  formatGps,
} from '../../../../shared/logic/display';

describe('display formats', () => {
  it('reads shutter speeds the way photographers say them', () => {
    expect(formatExposure(0.008)).toBe('1/125 s');
    expect(formatExposure(0.0005)).toBe('1/2000 s');
    expect(formatExposure(2.5)).toBe('2.5 s');
    expect(formatExposure(null)).toBeNull();
  });
  it('formats aperture, position and time', () => {
    expect(formatAperture(2.8)).toBe('f/2.8');
    expect(formatGps({ lat: 40.6629935, lon: -3.76374, alt: 940.3 })).toBe('40.66299° N, 3.76374° W, 940 m');
    expect(formatCapturedAt('2025-05-12T09:30:00+08:00')).toBe('2025-05-12 09:30:00 (UTC+08:00)');
    expect(formatCapturedAt('2025-05-12T09:30:00')).toBe('2025-05-12 09:30:00');
    expect(formatDuration(75)).toBe('1 min 15 s');
  });
  it('does not repeat the maker in the camera name', () => {
    expect(formatCamera('Canon', 'Canon EOS R5')).toBe('Canon EOS R5');
    expect(formatCamera('NIKON CORPORATION', 'NIKON Z 6')).toBe('NIKON Z 6');
    expect(formatCamera('SONY', 'ILCE-7M4')).toBe('SONY ILCE-7M4');
    expect(formatCamera(null, null)).toBeNull();
  });
});
