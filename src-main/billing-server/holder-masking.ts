// How the billing centre shows a customer to someone it knows less well than a logged-in customer:
// the phone an SMS went to, and the holder and address a bill session shows on a screen in a public
// office. Enough to recognise one's own bill or phone, not enough to read someone else's over a shoulder.

/** `+79175550155` → `+7 (917) ***-**-55`. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length !== 11) return '***';
  return `+7 (${digits.slice(1, 4)}) ***-**-${digits.slice(9)}`;
}

/** «Петров Сергей Николаевич» → «Петров С. Н.»: the surname and initials, as a bill addresses the payer. */
export function shortHolderName(fullName: string): string {
  const [surname = '', ...names] = fullName.trim().split(/\s+/);
  return [surname, ...names.map((name) => `${name.charAt(0)}.`)].join(' ');
}

/** «г. Уфа, ул. Ленина, д. 12, кв. 45» → «г. Уфа, ул. Ленина, д. **, кв. **»: the street stays, the house and flat do not. */
export function maskAddress(address: string): string {
  return address
    .split(', ')
    .map((part) => {
      const numbered = /^(д|кв|корп|стр|к)\.\s*(.+)$/.exec(part);
      return numbered ? `${numbered[1]}. ${'*'.repeat(numbered[2]?.length ?? 1)}` : part;
    })
    .join(', ');
}
