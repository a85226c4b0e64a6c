import { describe, expect, it } from 'vitest';
import { maskAddress, maskPhone, shortHolderName } from './holder-masking';

describe('what a bill session and an SMS answer show of the customer', () => {
  it('masks a phone to its operator code and last two digits', () => {
    expect(maskPhone('+79175550155')).toBe('+7 (917) ***-**-55');
    expect(maskPhone('+73472460404')).toBe('+7 (347) ***-**-04');
    expect(maskPhone('+7917')).toBe('***');
  });

  it('shortens the holder to the surname and initials', () => {
    expect(shortHolderName('Петров Сергей Николаевич')).toBe('Петров С. Н.');
    expect(shortHolderName('  Галиева   Айгуль Ринатовна ')).toBe('Галиева А. Р.');
    expect(shortHolderName('Иванов')).toBe('Иванов');
  });

  it('keeps the city and street of an address and masks the house and flat', () => {
    expect(maskAddress('г. Уфа, ул. Ленина, д. 12, кв. 45')).toBe('г. Уфа, ул. Ленина, д. **, кв. **');
    expect(maskAddress('г. Уфа, ул. Садовая, д. 7')).toBe('г. Уфа, ул. Садовая, д. *');
    expect(maskAddress('г. Уфа, пр. Октября, д. 101, корп. 2, кв. 17')).toBe('г. Уфа, пр. Октября, д. ***, корп. *, кв. **');
  });
});
