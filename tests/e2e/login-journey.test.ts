// The first customer journey in a real browser through browser mode: start screen → login on the
// on-screen keypad and keyboard → home with what they owe → logout; and every way login can fail.
import { describe, expect } from 'vitest';
import { formatMoney } from '../../src-renderer/lib/format-money';
import { DEMO } from '../support/demo-accounts';
import { keyboard, logIn, logInAs, typeOnKeyboard, typeOnKeypad } from '../support/kiosk-page';
import { kioskTest, pageProblems } from '../support/kiosk-test';
import { countdownSeconds, theOneCountdown, waitAtTheScreen } from '../support/lockout-timer';

const it = kioskTest();

describe('login and balance', () => {
  it('a customer who owes money logs in, sees what they owe, and logs out', async ({ page, billing }) => {
    const customer = DEMO.owesMoney;
    const session = await billing.login(customer.accountNumber, customer.password);
    const expected = await billing.getAccountSummary(session.sessionToken);
    expect(expected.amountDueKopecks).toBeGreaterThan(0);

    const problems = pageProblems(page);
    await expect.poll(() => page.getByRole('heading', { name: 'Добро пожаловать!' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: 'Объявления' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Учебный режим').isVisible()).toBe(true);

    await logInAs(page, customer);
    // By name and patronymic, as one addresses a person formally in Russian.
    expect(expected.holderName).toBe('Петров Сергей Николаевич');
    await expect.poll(() => page.getByRole('heading', { name: 'Здравствуйте, Сергей Николаевич!', level: 1 }).isVisible()).toBe(true);
    expect(await page.getByTestId('amount-due').textContent()).toBe(formatMoney(expected.amountDueKopecks));
    await expect.poll(() => page.getByText(expected.address).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(`Задолженность: ${formatMoney(expected.balanceKopecks)}`).isVisible()).toBe(true);
    // The account number is masked until the customer asks to see it.
    expect(await page.getByText(`Лицевой счёт •••••${customer.accountNumber.slice(-4)}`).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Показать номер лицевого счёта' }).click();
    expect(await page.getByText(`Лицевой счёт ${customer.accountNumber}`).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Выйти' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Добро пожаловать!' }).isVisible()).toBe(true);
    expect(await page.content()).not.toContain('Сергей Николаевич');
    expect(problems).toEqual([]);
  });

  it('a wrong password gets a clear message and the attempts left, in Russian, English and Bashkir', async ({ page }) => {
    await logIn(page, DEMO.paidInAdvance.accountNumber, 'wrongpass');
    const alert = page.getByRole('alert');
    await expect
      .poll(() => alert.textContent())
      .toBe('Неверный номер лицевого счёта или пароль. Осталось попыток: 4. Если вы забыли пароль, нажмите «Забыли пароль».');
    // What was typed stays: the account number is still there, only the password is cleared.
    expect(await page.getByRole('textbox', { name: 'Лицевой счёт' }).inputValue()).toBe(DEMO.paidInAdvance.accountNumber);
    expect(await page.getByLabel('Пароль', { exact: true }).inputValue()).toBe('');

    // The core's refusal reads in the language the customer switches to, attempts left included.
    await page.getByRole('group', { name: 'Язык интерфейса' }).getByRole('button', { name: 'English', exact: true }).click();
    await expect
      .poll(() => alert.textContent())
      .toBe('Wrong account number or password. Attempts left: 4. If you forgot your password, tap «Forgot password».');
    await page.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: 'Башҡортса', exact: true }).click();
    await expect
      .poll(() => alert.textContent())
      .toBe(
        'Шәхси иҫәп номеры йәки пароль дөрөҫ түгел. Ҡалған тырышлыҡтар: 4. Паролде онотһағыҙ, «Паролде оноттоғоҙмо» төймәһенә баҫығыҙ.',
      );
  });

  it('five failures lock the account: the password is emptied after each try, and one countdown, worded as a duration, counts down', async ({
    openPage,
  }) => {
    const customer = DEMO.expiredVerification;
    const page = await openPage({ fakeClock: true });
    const password = page.getByLabel('Пароль', { exact: true });
    await logIn(page, customer.accountNumber, 'wrong-1');
    for (let attempt = 2; attempt <= 5; attempt += 1) {
      await expect.poll(() => page.getByRole('alert').isVisible()).toBe(true);
      expect(await password.inputValue()).toBe('');
      await password.click();
      await typeOnKeyboard(page, `wrong${attempt}`);
      await page.getByRole('button', { name: 'Войти', exact: true }).click();
    }
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe(
        'Вход по этому лицевому счёту временно заблокирован после 5 неудачных попыток. Дождитесь конца отсчёта или нажмите «Забыли пароль».',
      );
    expect(await password.inputValue()).toBe('');
    const left = await theOneCountdown(page, 'Вход станет доступен через');
    expect(left).toBeGreaterThan(14 * 60);
    expect(left).toBeLessThanOrEqual(15 * 60);
    expect(await page.getByRole('button', { name: 'Войти', exact: true }).isDisabled()).toBe(true);

    // On the page's clock, paused: a minute and five seconds later it shows exactly that much less.
    await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1_000));
    const before = countdownSeconds((await page.getByRole('timer').textContent()) ?? '');
    await waitAtTheScreen(page, 65);
    await expect.poll(async () => countdownSeconds((await page.getByRole('timer').textContent()) ?? '')).toBe(before - 65);
    // Under a minute it is seconds alone; at the end the countdown and its refusal leave together.
    await waitAtTheScreen(page, before - 65 - 45);
    await expect.poll(() => page.getByRole('timer').textContent()).toMatch(/^Вход станет доступен через 45\sс$/);
    await waitAtTheScreen(page, 45);
    await expect.poll(() => page.getByRole('timer').count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Вход в личный кабинет', level: 1 }).isVisible()).toBe(true);

    // The core still holds the lock (its clock is the real one): the right password is refused, in a new visit too.
    const again = await openPage();
    await logInAs(again, customer);
    await expect.poll(() => again.getByRole('alert').textContent()).toContain('временно заблокирован');
    expect(await again.getByLabel('Пароль', { exact: true }).inputValue()).toBe('');
    expect(await theOneCountdown(again, 'Вход станет доступен через')).toBeGreaterThan(14 * 60);
  });

  it('the ninth digit is painted first, and the keyboard for the password comes in the frame after', async ({ page }) => {
    await page.getByRole('button', { name: 'Войти в личный кабинет' }).click();
    const number = DEMO.owesMoney.accountNumber;
    await typeOnKeypad(page, number.slice(0, 8));
    // What the first frame after the last digit's click holds, seen from its requestAnimationFrame
    // (the frame's own style, layout and paint come right after).
    const firstFrame = page.evaluate(
      () =>
        new Promise<{ value: string; keypad: boolean; keyboard: boolean }>((resolve) => {
          const group = (name: string) => document.querySelector(`[role="group"][aria-label="${name}"]`) !== null;
          window.addEventListener(
            'click',
            () =>
              requestAnimationFrame(() =>
                resolve({
                  value: document.querySelector<HTMLInputElement>('#login-account')?.value ?? '',
                  keypad: group('Цифровая клавиатура'),
                  keyboard: group('Экранная клавиатура'),
                }),
              ),
            { once: true, capture: true },
          );
        }),
    );
    await typeOnKeypad(page, number.slice(8));
    expect(await firstFrame).toEqual({ value: number, keypad: true, keyboard: false });
    await expect.poll(() => keyboard(page).isVisible()).toBe(true);
    expect(await page.getByRole('group', { name: 'Цифровая клавиатура' }).count()).toBe(0);
  });

  it('an incomplete account number cannot be sent', async ({ page }) => {
    await page.getByRole('button', { name: 'Войти в личный кабинет' }).click();
    await typeOnKeypad(page, DEMO.owesMoney.accountNumber.slice(0, 4));
    expect(await page.getByRole('button', { name: 'Войти', exact: true }).isDisabled()).toBe(true);
  });
});
