// The frequent questions the billing centre publishes for the Виртуальная приёмная, by topic, in
// Russian, Bashkir and English. The facts follow the utility's manual for the personal account (how
// to register, log in, pay, submit and correct readings, recover a password) and the rules the
// kiosk itself applies (verification, average and norm charges). Each topic names the appeal topics
// whose new appeals its questions are offered before.
import type { Faq, FaqTopic, ReadingWindow } from '../core/billing/billing-wire';

/** Russian and its translations; the demo content has all three. */
interface Texts {
  ru: string;
  ba: string;
  en: string;
}

function question(id: string, asked: Texts, answer: Texts): FaqTopic['questions'][number] {
  return { id, question: asked, answer };
}

/** «с 15 по 25 число» for a window, or «в любой день», when the window is the whole month. */
function readingWindowAnswer({ fromDay, toDay }: ReadingWindow): Texts {
  const lastCounts = {
    ru: 'Для расчёта берутся последние переданные показания.',
    ba: 'Иҫәп-хисап өсөн һуңғы тапшырылған күрһәткестәр алына.',
    en: 'The last readings you submit are the ones used for the bill.',
  };
  if (fromDay === 1 && toDay === 31) {
    return {
      ru: `Показания принимаются в любой день месяца. ${lastCounts.ru}`,
      ba: `Күрһәткестәр айҙың теләһә ҡайһы көнөндә ҡабул ителә. ${lastCounts.ba}`,
      en: `Readings are accepted on any day of the month. ${lastCounts.en}`,
    };
  }
  return {
    ru: `Показания принимаются с ${fromDay} по ${toDay} число каждого месяца. ${lastCounts.ru}`,
    ba: `Күрһәткестәр һәр айҙың ${fromDay} көнөнән ${toDay} көнөнә тиклем ҡабул ителә. ${lastCounts.ba}`,
    en: `Readings are accepted on days ${fromDay} to ${toDay} of each month. ${lastCounts.en}`,
  };
}

export function referenceFaq(readingWindow: ReadingWindow): Faq {
  return {
    topics: [
      {
        id: 'readings',
        title: { ru: 'Передача показаний', ba: 'Күрһәткестәрҙе тапшырыу', en: 'Submitting meter readings' },
        appealTopicIds: ['readings'],
        questions: [
          question(
            'readings-how',
            {
              ru: 'Как передать показания счётчиков?',
              ba: 'Иҫәпләгес күрһәткестәрен нисек тапшырырға?',
              en: 'How do I submit my meter readings?',
            },
            {
              ru: 'Войдите в личный кабинет: по паролю, по коду из SMS или по квитанции — без пароля. Нажмите «Передать показания», введите новое показание каждого счётчика, снова нажмите «Передать показания» и подтвердите кнопкой «Да». Терминал покажет регистрационный номер, подтверждение можно напечатать.',
              ba: 'Шәхси кабинетҡа инегеҙ: пароль, SMS-тағы код йәки квитанция буйынса — паролһеҙ. «Күрһәткестәрҙе тапшырырға» төймәһенә баҫығыҙ, һәр иҫәпләгестең яңы күрһәткесен индерегеҙ, тағы «Күрһәткестәрҙе тапшырырға» төймәһенә баҫығыҙ һәм «Эйе» төймәһе менән раҫлағыҙ. Терминал теркәү номерын күрһәтәсәк, раҫлауҙы баҫтырырға мөмкин.',
              en: 'Log in: with your password, with a code by SMS, or with your bill and no password. Tap “Submit meter readings”, enter the new reading of each meter, tap “Submit readings” and confirm with “Yes”. The terminal shows a registration number, and you can print a confirmation.',
            },
          ),
          question(
            'readings-when',
            { ru: 'Когда принимаются показания?', ba: 'Күрһәткестәр ҡасан ҡабул ителә?', en: 'When are readings accepted?' },
            readingWindowAnswer(readingWindow),
          ),
          question(
            'readings-correct',
            {
              ru: 'Можно ли исправить переданные показания?',
              ba: 'Тапшырылған күрһәткестәрҙе төҙәтергә мөмкинме?',
              en: 'Can I correct readings I have submitted?',
            },
            {
              ru: 'Да. В течение месяца показания можно передавать несколько раз: для расчёта принимаются только последние переданные. В разделе «Передать показания» нажмите «Исправить», введите новые показания, нажмите «Передать показания» и подтвердите кнопкой «Да».',
              ba: 'Эйе. Ай дауамында күрһәткестәрҙе бер нисә тапҡыр тапшырырға мөмкин: иҫәп-хисап өсөн һуңғы тапшырылғандары ғына ҡабул ителә. «Күрһәткестәрҙе тапшырырға» бүлегендә «Төҙәтергә» төймәһенә баҫығыҙ, яңы күрһәткестәрҙе индерегеҙ, «Күрһәткестәрҙе тапшырырға» төймәһенә баҫығыҙ һәм «Эйе» төймәһе менән раҫлағыҙ.',
              en: 'Yes. You can submit readings several times a month: only the last ones submitted are used for the bill. In “Submit meter readings” tap “Correct”, enter the new readings, tap “Submit readings” and confirm with “Yes”.',
            },
          ),
          question(
            'readings-missed',
            {
              ru: 'Что будет, если не передать показания?',
              ba: 'Күрһәткестәр тапшырылмаһа, нимә була?',
              en: 'What happens if I do not submit readings?',
            },
            {
              ru: 'Начисление за месяц сделают по среднему расходу, а через три месяца — по нормативу. Когда вы передадите показания, начисления пересчитают по ним.',
              ba: 'Ай өсөн иҫәпләү уртаса сарыф буйынса, ә өс айҙан һуң норматив буйынса яһала. Күрһәткестәрҙе тапшырғас, иҫәпләүҙәр улар буйынса яңынан иҫәпләнә.',
              en: 'The month is charged by your average consumption, and after three months by the standard norm. Once you submit readings, the charges are recalculated by them.',
            },
          ),
        ],
      },
      {
        id: 'verification',
        title: { ru: 'Поверка счётчиков', ba: 'Иҫәпләгестәрҙе поверкалау', en: 'Meter verification' },
        appealTopicIds: ['readings'],
        questions: [
          question(
            'verification-when',
            {
              ru: 'Где узнать срок поверки счётчика?',
              ba: 'Иҫәпләгестең поверка срогын ҡайҙан белергә?',
              en: 'Where can I see when my meter’s verification is due?',
            },
            {
              ru: 'В разделе «Передать показания»: у каждого счётчика указаны дата допуска и дата, до которой действует поверка. Когда срок подходит к концу, рядом появляется предупреждение.',
              ba: '«Күрһәткестәрҙе тапшырырға» бүлегендә: һәр иҫәпләгестең ҡулланыуға индерелгән көнө һәм поверка срогы күрһәтелгән. Срок тамамланып килгәндә, янында иҫкәртеү күренә.',
              en: 'In “Submit meter readings”: each meter shows the date it was admitted into service and the date its verification is valid until. When that date is near, a warning appears next to it.',
            },
          ),
          question(
            'verification-expired',
            {
              ru: 'Что будет, если срок поверки истёк?',
              ba: 'Поверка срогы үтһә, нимә була?',
              en: 'What happens when the verification has expired?',
            },
            {
              ru: 'Показания такого счётчика не принимаются к расчёту: начисление идёт по среднему потреблению за 3 месяца, а затем — по нормативу.',
              ba: 'Бындай иҫәпләгестең күрһәткестәре иҫәп-хисапҡа ҡабул ителмәй: иҫәпләү 3 ай буйына уртаса сарыф буйынса, ә һуңынан норматив буйынса алып барыла.',
              en: 'Readings of such a meter are not accepted for billing: charges are based on your average consumption for 3 months, and then on the standard norm.',
            },
          ),
          question(
            'verification-how',
            { ru: 'Как поверить счётчик?', ba: 'Иҫәпләгесте нисек поверкаларға?', en: 'How do I get my meter verified?' },
            {
              ru: 'Закажите поверку в аккредитованной организации и принесите свидетельство о поверке в офис обслуживания МУП УИС. После этого показания счётчика снова принимаются к расчёту.',
              ba: 'Аккредитацияланған ойошмала поверка заказ итегеҙ һәм поверка тураһындағы таныҡлыҡты МУП УИС-тың хеҙмәтләндереү офисына килтерегеҙ. Шунан һуң иҫәпләгестең күрһәткестәре яңынан иҫәп-хисапҡа ҡабул ителә.',
              en: 'Order a verification from an accredited organisation and bring the certificate to a MUP UIS customer office. After that the meter’s readings are accepted for billing again.',
            },
          ),
        ],
      },
      {
        id: 'payment',
        title: { ru: 'Способы оплаты', ba: 'Түләү ысулдары', en: 'Ways to pay' },
        appealTopicIds: ['payments'],
        questions: [
          question(
            'payment-kiosk',
            { ru: 'Как оплатить на терминале?', ba: 'Терминалда нисек түләргә?', en: 'How do I pay at the terminal?' },
            {
              ru: 'Нажмите «Оплатить», введите сумму и нажмите «Сформировать QR-код». Отсканируйте QR-код в приложении банка, например в Сбербанк Онлайн, или нажмите «Напечатать квитанцию» и оплатите по ней в банке или на почте.',
              ba: '«Түләргә» төймәһенә баҫығыҙ, сумманы индерегеҙ һәм «QR-код яһарға» төймәһенә баҫығыҙ. QR-кодты банк ҡушымтаһында, мәҫәлән, Сбербанк Онлайнда, сканерлағыҙ йәки «Квитанцияны баҫтырырға» төймәһенә баҫығыҙ һәм уның буйынса банкта йәки почтала түләгеҙ.',
              en: 'Tap “Pay”, enter the amount and tap “Make QR code”. Scan the QR code in your banking app, for example Sberbank Online, or tap “Print the payment slip” and pay with it at a bank or a post office.',
            },
          ),
          question(
            'payment-places',
            { ru: 'Где ещё можно оплатить?', ba: 'Тағы ҡайҙа түләп була?', en: 'Where else can I pay?' },
            {
              ru: 'В офисах и банкоматах Сбербанка и банка Уралсиб, в Сбербанк Онлайн и интернет-банке Уралсиб, в любом почтовом отделении по квитанции и в кассах МУП УИС — в центральном офисе и в офисе в Дёмском районе, без комиссии.',
              ba: 'Сбербанк һәм Уралсиб банкының офистарында һәм банкоматтарында, Сбербанк Онлайнда һәм Уралсиб интернет-банкында, теләһә ҡайһы почта бүлексәһендә квитанция буйынса һәм МУП УИС кассаларында — үҙәк офиста һәм Дим районындағы офиста, комиссияһыҙ.',
              en: 'At Sberbank and Uralsib offices and cash machines, in Sberbank Online and the Uralsib internet bank, at any post office with the payment slip, and at the MUP UIS cash desks in the central office and the Demsky district office, with no fee.',
            },
          ),
          question(
            'payment-arrival',
            {
              ru: 'Когда платёж появится в личном кабинете?',
              ba: 'Түләү шәхси кабинетта ҡасан күренә?',
              en: 'When will my payment show in the personal account?',
            },
            {
              ru: 'В разделе «Начисления и платежи» последняя оплата показана по состоянию на вчерашний день, поэтому платёж появится не раньше следующего дня. Платёж через банк или почту может идти несколько дней.',
              ba: '«Иҫәпләүҙәр һәм түләүҙәр» бүлегендә һуңғы түләү кисәге көнгә күрһәтелә, шуға күрә түләү иртәгәһе көндән дә алда күренмәй. Банк йәки почта аша түләү бер нисә көн барырға мөмкин.',
              en: 'In “Charges and payments” the last payment is shown as of yesterday, so a payment appears the next day at the earliest. A payment through a bank or the post may take a few days.',
            },
          ),
          question(
            'payment-advance',
            {
              ru: 'Можно ли заплатить больше, чем начислено?',
              ba: 'Иҫәпләнгәндән күберәк түләргә мөмкинме?',
              en: 'Can I pay more than I was charged?',
            },
            {
              ru: 'Да. Сумма сверх начисленной учитывается как аванс (переплата) и уменьшает сумму к оплате в следующих месяцах.',
              ba: 'Эйе. Иҫәпләнгәндән артыҡ сумма аванс (алдан түләү) булараҡ иҫәпкә алына һәм киләһе айҙарҙа түләнергә тейешле сумманы кәметә.',
              en: 'Yes. Anything above the amount charged counts as an advance and reduces what you pay in the following months.',
            },
          ),
        ],
      },
      {
        id: 'recalculations',
        title: { ru: 'Перерасчёт', ba: 'Яңынан иҫәпләү', en: 'Recalculations' },
        appealTopicIds: ['charges'],
        questions: [
          question(
            'recalculations-what',
            { ru: 'Что такое перерасчёт?', ba: 'Яңынан иҫәпләү нимә ул?', en: 'What is a recalculation?' },
            {
              ru: 'Это исправление начислений за прошлые месяцы: например, когда показания переданы после начисления по среднему расходу или когда горячую воду или отопление отключали.',
              ba: 'Был — үткән айҙар өсөн иҫәпләүҙәрҙе төҙәтеү: мәҫәлән, күрһәткестәр уртаса сарыф буйынса иҫәпләгәндән һуң тапшырылғанда йәки ҡайнар һыу йәки йылытыу һүндерелгәндә.',
              en: 'It is a correction of the charges of earlier months: for example, when readings were submitted after a month was charged by average consumption, or when hot water or heating was cut off.',
            },
          ),
          question(
            'recalculations-where',
            { ru: 'Где увидеть перерасчёт?', ba: 'Яңынан иҫәпләүҙе ҡайҙа күрергә?', en: 'Where can I see a recalculation?' },
            {
              ru: 'В разделе «Начисления и платежи»: у каждого расчётного месяца перерасчёты показаны отдельно от начислений, с причиной и суммой. Они входят в итог начисленного за месяц.',
              ba: '«Иҫәпләүҙәр һәм түләүҙәр» бүлегендә: һәр иҫәп-хисап айында яңынан иҫәпләүҙәр иҫәпләүҙәрҙән айырым, сәбәбе һәм суммаһы менән күрһәтелә. Улар ай өсөн иҫәпләнгәндең йомғағына инә.',
              en: 'In “Charges and payments”: for each billing month, recalculations are shown apart from the charges, with their reason and amount. They are part of the month’s total charged.',
            },
          ),
          question(
            'recalculations-ask',
            { ru: 'Как попросить перерасчёт?', ba: 'Яңынан иҫәпләүҙе нисек һорарға?', en: 'How do I ask for a recalculation?' },
            {
              ru: 'Оставьте обращение здесь, в «Виртуальной приёмной», на тему «Начисления и перерасчёты»: укажите месяц и причину. Ответ придёт на ваш телефон или e-mail.',
              ba: 'Бында, «Виртуаль ҡабул итеү бүлмәһендә», «Начисления и перерасчёты» темаһына мөрәжәғәт ҡалдырығыҙ: айҙы һәм сәбәпте күрһәтегеҙ. Яуап телефонығыҙға йәки e-mail адресығыҙға киләсәк.',
              en: 'Leave an appeal here, in the “Virtual reception”, on the topic «Начисления и перерасчёты» (charges and recalculations): give the month and the reason. The answer will come to your phone or e-mail.',
            },
          ),
          question(
            'recalculations-average',
            {
              ru: 'Почему начислено по среднему расходу или по нормативу?',
              ba: 'Ни өсөн уртаса сарыф йәки норматив буйынса иҫәпләнгән?',
              en: 'Why was I charged by average consumption or by the norm?',
            },
            {
              ru: 'По среднему расходу начисляют, если показания не переданы или срок поверки счётчика истёк; через три месяца — по нормативу. Если на лицевом счёте нет зарегистрированных счётчиков, начисление идёт по нормативу.',
              ba: 'Күрһәткестәр тапшырылмаһа йәки иҫәпләгестең поверка срогы үтһә, уртаса сарыф буйынса иҫәпләйҙәр; өс айҙан һуң — норматив буйынса. Шәхси иҫәптә теркәлгән иҫәпләгестәр булмаһа, иҫәпләү норматив буйынса алып барыла.',
              en: 'Average consumption is charged when no readings were submitted or the meter’s verification has expired; after three months, the norm is charged. If no meters are registered on the account, charges follow the norm.',
            },
          ),
        ],
      },
      {
        id: 'registration',
        title: { ru: 'Регистрация', ba: 'Теркәлеү', en: 'Registration' },
        appealTopicIds: ['other'],
        questions: [
          question(
            'registration-how',
            {
              ru: 'Как зарегистрироваться в личном кабинете?',
              ba: 'Шәхси кабинетта нисек теркәлергә?',
              en: 'How do I register for the personal account?',
            },
            {
              ru: 'На начальном экране нажмите «Регистрация». Введите номер лицевого счёта, e-mail, номер сотового телефона и код активации, отметьте согласие с условиями и введите код с картинки. Пароль придёт на e-mail или, если вы так выберете, в SMS.',
              ba: 'Башланғыс экранда «Теркәлеү» төймәһенә баҫығыҙ. Шәхси иҫәп номерын, e-mail адресын, кәрәҙле телефон номерын һәм активлаштырыу кодын индерегеҙ, шарттар менән ризалығығыҙҙы билдәләгеҙ һәм һүрәттәге кодты индерегеҙ. Пароль e-mail адресына йәки, шулай һайлаһағыҙ, SMS менән киләсәк.',
              en: 'On the start screen tap “Register”. Enter your account number, e-mail, mobile phone number and activation code, tick your agreement with the terms and type the code from the picture. The password comes by e-mail or, if you choose so, by SMS.',
            },
          ),
          question(
            'registration-code',
            { ru: 'Где взять код активации?', ba: 'Активлаштырыу кодын ҡайҙан алырға?', en: 'Where do I find the activation code?' },
            {
              ru: 'Код активации указан на квитанции за последний расчётный месяц. В нём 12 цифр.',
              ba: 'Активлаштырыу коды һуңғы иҫәп-хисап айы квитанцияһында күрһәтелгән. Унда 12 цифр.',
              en: 'The activation code is printed on your bill for the latest billing month. It has 12 digits.',
            },
          ),
          question(
            'registration-password',
            {
              ru: 'Пароль, присланный после регистрации, не подходит. Что делать?',
              ba: 'Теркәлгәндән һуң ебәрелгән пароль тап килмәй. Нимә эшләргә?',
              en: 'The password I got after registering is not accepted. What do I do?',
            },
            {
              ru: 'Нажмите «Забыли пароль?» на начальном экране и введите номер лицевого счёта, e-mail, указанный при регистрации, и код с картинки. Новый пароль придёт на этот e-mail.',
              ba: 'Башланғыс экранда «Паролде оноттоғоҙмо?» төймәһенә баҫығыҙ һәм шәхси иҫәп номерын, теркәлгәндә күрһәткән e-mail адресын һәм һүрәттәге кодты индерегеҙ. Яңы пароль шул e-mail адресына киләсәк.',
              en: 'Tap “Forgot your password?” on the start screen and enter your account number, the e-mail you gave when registering, and the code from the picture. A new password will be sent to that e-mail.',
            },
          ),
          question(
            'registration-help',
            {
              ru: 'Не получается зарегистрироваться или войти. Куда обратиться?',
              ba: 'Теркәлеп йәки инеп булмай. Ҡайҙа мөрәжәғәт итергә?',
              en: 'I cannot register or log in. Who can help?',
            },
            {
              ru: 'Позвоните в контакт-центр по телефону 8-800-250-52-80 (звонок бесплатный). Специалисты могут сбросить регистрацию, после чего её можно пройти заново.',
              ba: 'Контакт-үҙәккә 8-800-250-52-80 телефоны буйынса шылтыратығыҙ (бушлай). Белгестәр теркәлеүҙе ташлай ала, шунан һуң уны яңынан үтергә мөмкин.',
              en: 'Call the contact centre on 8-800-250-52-80 (free). Its specialists can reset the registration, and you can then register again.',
            },
          ),
        ],
      },
      {
        id: 'personal-account',
        title: { ru: 'Личный кабинет', ba: 'Шәхси кабинет', en: 'Personal account' },
        appealTopicIds: ['other'],
        questions: [
          question(
            'account-services',
            {
              ru: 'Что можно сделать в личном кабинете?',
              ba: 'Шәхси кабинетта нимә эшләргә мөмкин?',
              en: 'What can I do in the personal account?',
            },
            {
              ru: 'Узнать состояние лицевого счёта, посмотреть начисления и платежи за прошлые периоды, передать показания счётчиков, сформировать квитанцию и оплатить, задать вопрос в «Виртуальной приёмной» и изменить личную информацию. Всё это можно и на терминале, и на сайте www.mup-uis.ru.',
              ba: 'Шәхси иҫәптең торошон белергә, үткән осорҙар өсөн иҫәпләүҙәрҙе һәм түләүҙәрҙе ҡарарға, иҫәпләгес күрһәткестәрен тапшырырға, квитанция яһарға һәм түләргә, «Виртуаль ҡабул итеү бүлмәһендә» һорау бирергә һәм шәхси мәғлүмәтте үҙгәртергә. Быларҙың барыһын да терминалда ла, www.mup-uis.ru сайтында ла эшләргә мөмкин.',
              en: 'See the state of your account, look through charges and payments of earlier periods, submit meter readings, make a payment slip and pay, ask a question in the “Virtual reception” and change your personal information. All of this works both at the terminal and on www.mup-uis.ru.',
            },
          ),
          question(
            'account-login',
            { ru: 'Как войти в личный кабинет?', ba: 'Шәхси кабинетҡа нисек инергә?', en: 'How do I log in?' },
            {
              ru: 'Логин — номер лицевого счёта (9 цифр, указан в квитанции), пароль — из письма после регистрации. На терминале можно войти и по коду из SMS на телефон, указанный в личной информации. По квитанции можно войти без пароля, но тогда доступны только оплата и передача показаний.',
              ba: 'Логин — шәхси иҫәп номеры (9 цифр, квитанцияла күрһәтелгән), пароль — теркәлгәндән һуң килгән хаттан. Терминалда шәхси мәғлүмәттә күрһәтелгән телефонға килгән SMS-тағы код менән дә инергә мөмкин. Квитанция буйынса паролһеҙ инергә була, ләкин ул саҡта түләү һәм күрһәткестәрҙе тапшырыу ғына мөмкин.',
              en: 'The login is your account number (9 digits, printed on your bill), and the password comes in the e-mail after registration. At the terminal you can also log in with a code sent by SMS to the phone in your personal information. With your bill you can log in without a password, but then only paying and submitting readings are open.',
            },
          ),
          question(
            'account-contacts',
            {
              ru: 'Как изменить e-mail или телефон?',
              ba: 'E-mail адресын йәки телефонды нисек үҙгәртергә?',
              en: 'How do I change my e-mail or phone?',
            },
            {
              ru: 'В разделе «Личная информация» нажмите «Изменить e-mail» или «Изменить телефон». Там же можно сменить пароль и выбрать, как получать квитанции: на бумаге по почте или на e-mail.',
              ba: '«Шәхси мәғлүмәт» бүлегендә «E-mail адресын үҙгәртергә» йәки «Телефонды үҙгәртергә» төймәһенә баҫығыҙ. Шунда уҡ паролде алмаштырырға һәм квитанцияларҙы нисек алырға икәнен һайларға мөмкин: почта аша ҡағыҙҙа йәки e-mail адресына.',
              en: 'In “Personal information” tap “Change e-mail” or “Change phone”. There you can also change your password and choose how to get your bills: on paper by post or by e-mail.',
            },
          ),
        ],
      },
    ],
  };
}
