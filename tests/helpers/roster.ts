import type { Worker } from '../../shared/model/roster';

/** A roster worker with every field empty but those given (no I/O: unit tests use it too). */
export function workerRecord(id: string, name: string, extra: Partial<Worker> = {}): Worker {
  return {
    id,
    name,
    pinyin: '',
    companyId: null,
    department: null,
    craft: null,
    joined: null,
    employeeNo: null,
    phone: null,
    quote: null,
    consent: 'unknown',
    consentDate: null,
    consentNote: null,
    ...extra,
  };
}
