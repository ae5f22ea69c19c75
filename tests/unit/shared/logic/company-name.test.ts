import { describe, expect, it } from 'vitest';
import { homeCity, shortCompanyName } from '../../../../shared/logic/company-name';

describe('shortCompanyName', () => {
  it('drops the legal form and the registered place', () => {
    expect(shortCompanyName('科润智能控制股份有限公司')).toBe('科润智能控制');
    expect(shortCompanyName('江山市华宇机械有限公司')).toBe('华宇机械');
    expect(shortCompanyName('浙江省江山市城市建设投资集团有限公司')).toBe('城市建设投资');
    expect(shortCompanyName('衢州市柯城区恒达电力有限责任公司')).toBe('恒达电力');
    expect(shortCompanyName('江山华宇机械有限公司（江山）')).toBe('江山华宇机械');
  });
  it('drops the campaign city said without 市, and never empties a name', () => {
    expect(shortCompanyName('江山华宇机械有限公司', '江山')).toBe('华宇机械');
    expect(shortCompanyName('有限公司')).toBe('有限公司');
    expect(shortCompanyName('江山市公司', '江山')).toBe('江山市公司');
    expect(shortCompanyName('社区服务中心')).toBe('社区服务中心');
    expect(shortCompanyName('  ')).toBe('');
  });
  it('finds the city in the organiser', () => {
    expect(homeCity('江山市总工会')).toBe('江山');
    expect(homeCity('浙江省衢州市总工会')).toBe('衢州');
    expect(homeCity('全国总工会')).toBeNull();
  });
});
