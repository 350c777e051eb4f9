import type { MailStep, Tone } from '../domain/workflow';

/**
 * The app's own texts for every mail step, per language and tone. Written for Openstaand in the
 * spirit of the seed articles: open and adult, clear about what is expected and by when, with room
 * for the customer's side of the story, and never a threat. The nudge is a friendly heads-up.
 * `{{…}}` are filled in per customer (shared/workflow/render.ts lists them). A user's edited text
 * is stored in the templates table and wins over these.
 */
type Text = { subject: string; body: string };
type PerTone = Record<Tone, Text>;

const nl: Record<MailStep, PerTone> = {
  nudge: {
    vriendelijk: {
      subject: 'Even een seintje over {{factuur}} (vervaldatum {{vervaldatum}})',
      body: `Beste {{contactpersoon}},

Even een vriendelijk seintje vooraf: op {{vervaldatum}} loopt de betaaltermijn af voor {{dienst}}.

{{facturen}}

Totaal: {{totaal}}

Je kunt het bedrag overmaken naar {{iban}} ten name van {{bedrijf.naam}}, met betalingskenmerk {{betalingskenmerk}}. In de bijlage staat een overzicht met een QR-code; in een bank-app die dat ondersteunt betaal je daarmee in één keer.

Is de betaling al ingepland? Dan is dit bericht alleen ter herinnering. Heb je een vraag over de factuur, of klopt er iets niet? Laat het me gerust weten.

Hartelijke groet,
{{afzender}}
{{bedrijf.naam}}`,
    },
    zakelijk: {
      subject: 'Betalingsherinnering vooraf: {{factuur}}, vervaldatum {{vervaldatum}}',
      body: `Geachte {{contactpersoon}},

Graag attendeer ik u erop dat op {{vervaldatum}} de betaaltermijn afloopt voor:

{{facturen}}

Totaal: {{totaal}}

Wilt u het bedrag uiterlijk op die datum overmaken naar {{iban}} ten name van {{bedrijf.naam}}, onder vermelding van betalingskenmerk {{betalingskenmerk}}? De specificatie vindt u in de bijlage.

Heeft u de betaling al ingepland, dan is dit bericht alleen ter informatie. Heeft u vragen over de factuur, dan hoor ik dat graag.

Met vriendelijke groet,
{{afzender}}
{{bedrijf.naam}}`,
    },
    streng: {
      subject: 'Vervaldatum {{vervaldatum}}: {{factuur}}',
      body: `Geachte {{contactpersoon}},

Op {{vervaldatum}} loopt de betaaltermijn af van:

{{facturen}}

Totaal: {{totaal}}

Ik verwacht de betaling uiterlijk op die datum op {{iban}} ten name van {{bedrijf.naam}}, onder vermelding van betalingskenmerk {{betalingskenmerk}}. De specificatie zit in de bijlage.

Staat er iets een tijdige betaling in de weg, laat het me dan vóór die datum weten.

Met vriendelijke groet,
{{afzender}}
{{bedrijf.naam}}`,
    },
  },
  'reminder-1': {
    vriendelijk: {
      subject: 'Herinnering: {{factuur}} nog niet betaald',
      body: `Beste {{contactpersoon}},

Misschien is het aan je aandacht ontsnapt: de betaling voor {{dienst}} had op {{vervaldatum}} binnen moeten zijn, en ik heb haar nog niet ontvangen.

{{facturen}}

Totaal open: {{totaal}}

Wil je het bedrag uiterlijk {{uiterste_betaaldatum}} overmaken naar {{iban}} ten name van {{bedrijf.naam}}, met betalingskenmerk {{betalingskenmerk}}? In de bijlage staat een overzicht met een QR-code.

Heb je de factuur niet ontvangen, klopt er iets niet, of komt betalen nu even slecht uit? Laat het me gewoon weten, dan kijken we samen wat mogelijk is. Heb je inmiddels betaald, dan hebben onze berichten elkaar gekruist en kun je dit bericht vergeten.

Hartelijke groet,
{{afzender}}
{{bedrijf.naam}}`,
    },
    zakelijk: {
      subject: 'Betalingsherinnering {{factuur}}',
      body: `Geachte {{contactpersoon}},

Volgens mijn administratie is het volgende nog niet betaald. De vervaldatum was {{vervaldatum}}.

{{facturen}}

Totaal openstaand: {{totaal}}

Ik verzoek u het bedrag uiterlijk {{uiterste_betaaldatum}} over te maken naar {{iban}} ten name van {{bedrijf.naam}}, onder vermelding van betalingskenmerk {{betalingskenmerk}}. De specificatie vindt u in de bijlage.

Is er iets met de factuur of de levering dat eerst besproken moet worden, neemt u dan contact met mij op. Heeft u inmiddels betaald, dan kunt u deze herinnering als niet verzonden beschouwen.

Met vriendelijke groet,
{{afzender}}
{{bedrijf.naam}}`,
    },
    streng: {
      subject: 'Niet op tijd betaald: {{factuur}}',
      body: `Geachte {{contactpersoon}},

Op {{vervaldatum}} is de betaaltermijn verstreken voor:

{{facturen}}

Totaal openstaand: {{totaal}}

Ik heb nog geen betaling ontvangen. Ik verzoek u dit bedrag uiterlijk {{uiterste_betaaldatum}} te voldoen op {{iban}} ten name van {{bedrijf.naam}}, onder vermelding van betalingskenmerk {{betalingskenmerk}}.

Heeft u bezwaar tegen (een deel van) het bedrag, laat mij dat dan vóór die datum weten, zodat we het kunnen bespreken.

Met vriendelijke groet,
{{afzender}}
{{bedrijf.naam}}`,
    },
  },
  'reminder-2': {
    vriendelijk: {
      subject: 'Tweede herinnering: {{factuur}}',
      body: `Beste {{contactpersoon}},

Eerder stuurde ik je een herinnering over het bedrag hieronder. Ik heb nog geen betaling ontvangen en ook niets van je gehoord.

{{facturen}}

Totaal open: {{totaal}}

Ik vraag je het bedrag uiterlijk {{uiterste_betaaldatum}} over te maken naar {{iban}} ten name van {{bedrijf.naam}}, met betalingskenmerk {{betalingskenmerk}}.

Speelt er iets waardoor betalen nu lastig is? Bel of mail me dan; samen vinden we vaak een oplossing, bijvoorbeeld betalen in delen. Hoor ik niets, dan bel ik je binnenkort even op.

Hartelijke groet,
{{afzender}}
{{bedrijf.naam}}`,
    },
    zakelijk: {
      subject: 'Tweede betalingsherinnering {{factuur}}',
      body: `Geachte {{contactpersoon}},

Eerder stuurde ik u een herinnering over het onderstaande. Tot op heden heb ik geen betaling of reactie ontvangen.

{{facturen}}

Totaal openstaand: {{totaal}}

Ik verzoek u het bedrag uiterlijk {{uiterste_betaaldatum}} over te maken naar {{iban}} ten name van {{bedrijf.naam}}, onder vermelding van betalingskenmerk {{betalingskenmerk}}.

Betwist u (een deel van) het bedrag, of kunt u niet in één keer betalen, neem dan vóór die datum contact met mij op; dan bespreken we de mogelijkheden. Zonder reactie neem ik telefonisch contact met u op.

Met vriendelijke groet,
{{afzender}}
{{bedrijf.naam}}`,
    },
    streng: {
      subject: 'Tweede herinnering: betaling {{factuur}} blijft uit',
      body: `Geachte {{contactpersoon}},

Ondanks mijn eerdere herinnering heb ik voor het onderstaande nog steeds geen betaling ontvangen.

{{facturen}}

Totaal openstaand: {{totaal}}

Ik verwacht de betaling uiterlijk {{uiterste_betaaldatum}} op {{iban}} ten name van {{bedrijf.naam}}, onder vermelding van betalingskenmerk {{betalingskenmerk}}.

Is er een reden waarom u niet kunt betalen, neem dan direct contact met mij op. Blijven betaling en reactie uit, dan volgt een laatste aanmaning.

Met vriendelijke groet,
{{afzender}}
{{bedrijf.naam}}`,
    },
  },
  'call-confirmation': {
    vriendelijk: {
      subject: 'Fijn dat we elkaar spraken: {{factuur}}',
      body: `Beste {{contactpersoon}},

Dank je voor het gesprek van {{gesprek.datum}}. Voor de duidelijkheid zet ik kort op een rij wat we bespraken:

{{gesprek.notities}}

Het gaat om:

{{facturen}}

Totaal open: {{totaal}}

Betalen kan op {{iban}} ten name van {{bedrijf.naam}}, met betalingskenmerk {{betalingskenmerk}}.

Heb ik iets niet goed begrepen of wil je iets aanvullen? Laat het me dan weten.

Hartelijke groet,
{{afzender}}
{{bedrijf.naam}}`,
    },
    zakelijk: {
      subject: 'Bevestiging van ons telefoongesprek over {{factuur}}',
      body: `Geachte {{contactpersoon}},

Hierbij bevestig ik ons telefoongesprek van {{gesprek.datum}}. Kort samengevat:

{{gesprek.notities}}

Het gaat om:

{{facturen}}

Totaal openstaand: {{totaal}}

U kunt betalen op {{iban}} ten name van {{bedrijf.naam}}, onder vermelding van betalingskenmerk {{betalingskenmerk}}.

Klopt deze samenvatting niet, laat het mij dan weten.

Met vriendelijke groet,
{{afzender}}
{{bedrijf.naam}}`,
    },
    streng: {
      subject: 'Vastlegging telefoongesprek {{factuur}}',
      body: `Geachte {{contactpersoon}},

Hierbij leg ik vast wat we op {{gesprek.datum}} telefonisch bespraken:

{{gesprek.notities}}

Het gaat om:

{{facturen}}

Totaal openstaand: {{totaal}}

Betaling graag op {{iban}} ten name van {{bedrijf.naam}}, onder vermelding van betalingskenmerk {{betalingskenmerk}}.

Is deze vastlegging volgens u onjuist, laat het mij dan binnen vijf werkdagen weten.

Met vriendelijke groet,
{{afzender}}
{{bedrijf.naam}}`,
    },
  },
  'promise-confirmation': {
    vriendelijk: {
      subject: 'Onze afspraak over {{factuur}}',
      body: `Beste {{contactpersoon}},

Dank je voor het gesprek van {{gesprek.datum}}, en fijn dat we een afspraak konden maken. Zoals afgesproken betaal je {{belofte.bedrag}} uiterlijk op {{belofte.datum}}.

Wat ik van ons gesprek heb genoteerd:
{{gesprek.notities}}

{{facturen}}

Totaal open: {{totaal}}

Je kunt het bedrag overmaken naar {{iban}} ten name van {{bedrijf.naam}}, met betalingskenmerk {{betalingskenmerk}}. Tot die datum zet ik verder niets in gang.

Komt er onverhoopt iets tussen? Laat het me dan vóór {{belofte.datum}} weten, dan kijken we opnieuw.

Hartelijke groet,
{{afzender}}
{{bedrijf.naam}}`,
    },
    zakelijk: {
      subject: 'Bevestiging betalingsafspraak {{factuur}}',
      body: `Geachte {{contactpersoon}},

Hierbij bevestig ik de afspraak uit ons telefoongesprek van {{gesprek.datum}}: u betaalt {{belofte.bedrag}} uiterlijk op {{belofte.datum}}.

Mijn aantekening van het gesprek:
{{gesprek.notities}}

{{facturen}}

Totaal openstaand: {{totaal}}

U kunt het bedrag overmaken naar {{iban}} ten name van {{bedrijf.naam}}, onder vermelding van betalingskenmerk {{betalingskenmerk}}. Tot die datum onderneem ik geen verdere stappen.

Verandert er iets aan uw situatie, neemt u dan vóór {{belofte.datum}} contact met mij op.

Met vriendelijke groet,
{{afzender}}
{{bedrijf.naam}}`,
    },
    streng: {
      subject: 'Vastlegging betalingsafspraak {{factuur}}',
      body: `Geachte {{contactpersoon}},

Op {{gesprek.datum}} heeft u telefonisch toegezegd {{belofte.bedrag}} uiterlijk op {{belofte.datum}} te betalen. Die afspraak leg ik hierbij vast.

Aantekening van het gesprek:
{{gesprek.notities}}

{{facturen}}

Totaal openstaand: {{totaal}}

Betaling op {{iban}} ten name van {{bedrijf.naam}}, onder vermelding van betalingskenmerk {{betalingskenmerk}}. Tot die datum onderneem ik geen verdere stappen. Wordt de afspraak niet nagekomen, dan zet ik de incassoprocedure voort met een laatste aanmaning.

Met vriendelijke groet,
{{afzender}}
{{bedrijf.naam}}`,
    },
  },
  'installment-reminder': {
    vriendelijk: {
      subject: 'Seintje: termijn {{termijn.nummer}} van onze betalingsregeling ({{termijn.datum}})',
      body: `Beste {{contactpersoon}},

Even een vriendelijk seintje vooraf: op {{termijn.datum}} staat termijn {{termijn.nummer}} van {{regeling.aantal}} van onze betalingsregeling gepland, voor {{factuur}}.

Te betalen: {{termijn.bedrag}}, uiterlijk {{termijn.datum}}
Naar: {{iban}} ten name van {{bedrijf.naam}}
Omschrijving: {{betalingskenmerk}}

In de bijlage staat het betaalschema met een QR-code; in een bank-app die dat ondersteunt betaal je daarmee in één keer. Tot nu toe is {{regeling.betaald}} van de {{regeling.totaal}} betaald.

Staat de betaling al klaar? Dan is dit bericht alleen ter herinnering. Lukt het deze keer niet, laat het me dan vóór {{termijn.datum}} weten; dan kijken we samen wat er mogelijk is.

Hartelijke groet,
{{afzender}}
{{bedrijf.naam}}`,
    },
    zakelijk: {
      subject: 'Herinnering termijn {{termijn.nummer}} betalingsregeling, uiterlijk {{termijn.datum}}',
      body: `Geachte {{contactpersoon}},

Graag herinner ik u aan termijn {{termijn.nummer}} van {{regeling.aantal}} van de betalingsregeling voor {{factuur}}.

Te betalen: {{termijn.bedrag}}, uiterlijk {{termijn.datum}}
Rekening: {{iban}} ten name van {{bedrijf.naam}}
Omschrijving: {{betalingskenmerk}}

Het betaalschema vindt u in de bijlage. Tot nu toe is {{regeling.betaald}} van de {{regeling.totaal}} voldaan.

Heeft u de betaling al ingepland, dan is dit bericht alleen ter informatie. Kunt u deze termijn onverhoopt niet op tijd betalen, neemt u dan vóór {{termijn.datum}} contact met mij op.

Met vriendelijke groet,
{{afzender}}
{{bedrijf.naam}}`,
    },
    streng: {
      subject: 'Termijn {{termijn.nummer}} betalingsregeling vervalt op {{termijn.datum}}',
      body: `Geachte {{contactpersoon}},

Op {{termijn.datum}} vervalt termijn {{termijn.nummer}} van {{regeling.aantal}} van de betalingsregeling voor {{factuur}}. Ik verzoek u {{termijn.bedrag}} uiterlijk op die datum te voldoen op {{iban}} ten name van {{bedrijf.naam}}, onder vermelding van {{betalingskenmerk}}.

Het betaalschema vindt u in de bijlage. Tot nu toe is {{regeling.betaald}} van de {{regeling.totaal}} voldaan; nog te betalen is {{regeling.resterend}}.

{{regeling.vervalbeding}}

Met vriendelijke groet,
{{afzender}}
{{bedrijf.naam}}`,
    },
  },
  'arrangement-confirmation': {
    vriendelijk: {
      subject: 'Onze betalingsregeling voor {{factuur}}',
      body: `Beste {{contactpersoon}},

Fijn dat we er samen uit zijn gekomen. Hierbij zet ik de betalingsregeling op een rij, zodat we allebei weten waar we aan toe zijn.

Het gaat om:
{{facturen}}

Je betaalt in totaal {{regeling.totaal}} ({{regeling.opbouw}}) in {{regeling.termijnen}}:
{{regeling.schema}}

Je kunt elke termijn overmaken naar {{iban}} ten name van {{bedrijf.naam}}, met als omschrijving {{betalingskenmerk}}. In de bijlage staat het schema met een QR-code voor de eerstvolgende termijn. Zolang de termijnen binnenkomen, onderneem ik verder niets.

{{regeling.vervalbeding}}

Klopt er iets niet in dit overzicht? Laat het me dan binnen een week weten.

Hartelijke groet,
{{afzender}}
{{bedrijf.naam}}`,
    },
    zakelijk: {
      subject: 'Bevestiging betalingsregeling {{factuur}}',
      body: `Geachte {{contactpersoon}},

Hierbij bevestig ik de betalingsregeling die wij hebben afgesproken voor:

{{facturen}}

U betaalt in totaal {{regeling.totaal}} ({{regeling.opbouw}}) in {{regeling.termijnen}}:
{{regeling.schema}}

Wilt u elke termijn overmaken naar {{iban}} ten name van {{bedrijf.naam}}, onder vermelding van {{betalingskenmerk}}? Het betaalschema vindt u ook in de bijlage. Zolang de termijnen op tijd worden betaald, onderneem ik geen verdere stappen.

{{regeling.vervalbeding}}

Is deze bevestiging volgens u onjuist, laat het mij dan binnen vijf werkdagen weten.

Met vriendelijke groet,
{{afzender}}
{{bedrijf.naam}}`,
    },
    streng: {
      subject: 'Vastlegging betalingsregeling {{factuur}}',
      body: `Geachte {{contactpersoon}},

Hierbij leg ik de betalingsregeling vast die wij hebben afgesproken voor:

{{facturen}}

U betaalt in totaal {{regeling.totaal}} ({{regeling.opbouw}}) in {{regeling.termijnen}}:
{{regeling.schema}}

Betaling op {{iban}} ten name van {{bedrijf.naam}}, onder vermelding van {{betalingskenmerk}}. Zolang de termijnen op tijd worden betaald, onderneem ik geen verdere stappen.

{{regeling.vervalbeding}}

Is deze vastlegging volgens u onjuist, laat het mij dan binnen vijf werkdagen weten.

Met vriendelijke groet,
{{afzender}}
{{bedrijf.naam}}`,
    },
  },
};

const en: Record<MailStep, PerTone> = {
  nudge: {
    vriendelijk: {
      subject: 'A quick heads-up about {{factuur}} (due {{vervaldatum}})',
      body: `Dear {{contactpersoon}},

Just a friendly heads-up: the payment term for {{dienst}} ends on {{vervaldatum}}.

{{facturen}}

Total: {{totaal}}

You can transfer the amount to {{iban}} in the name of {{bedrijf.naam}}, with payment reference {{betalingskenmerk}}. The attached overview has a QR code that lets you pay in one go in a banking app that supports it.

Already scheduled the payment? Then this is just a reminder. If you have a question about the invoice, or something is not right, please let me know.

Kind regards,
{{afzender}}
{{bedrijf.naam}}`,
    },
    zakelijk: {
      subject: 'Payment reminder: {{factuur}}, due {{vervaldatum}}',
      body: `Dear {{contactpersoon}},

Please note that on {{vervaldatum}} the payment term ends for:

{{facturen}}

Total: {{totaal}}

Please transfer the amount by that date to {{iban}} in the name of {{bedrijf.naam}}, quoting payment reference {{betalingskenmerk}}. The specification is attached.

If you have already scheduled the payment, this message is for your information only. If you have any questions about the invoice, I will be glad to hear them.

Kind regards,
{{afzender}}
{{bedrijf.naam}}`,
    },
    streng: {
      subject: 'Due on {{vervaldatum}}: {{factuur}}',
      body: `Dear {{contactpersoon}},

The payment term ends on {{vervaldatum}} for:

{{facturen}}

Total: {{totaal}}

I expect payment by that date to {{iban}} in the name of {{bedrijf.naam}}, quoting payment reference {{betalingskenmerk}}. The specification is attached.

If anything stands in the way of paying on time, please let me know before that date.

Kind regards,
{{afzender}}
{{bedrijf.naam}}`,
    },
  },
  'reminder-1': {
    vriendelijk: {
      subject: 'Reminder: {{factuur}} not yet paid',
      body: `Dear {{contactpersoon}},

Perhaps it slipped your attention: the payment for {{dienst}} was due on {{vervaldatum}}, and I have not received it yet.

{{facturen}}

Total open: {{totaal}}

Could you transfer the amount by {{uiterste_betaaldatum}} to {{iban}} in the name of {{bedrijf.naam}}, with payment reference {{betalingskenmerk}}? The attached overview has a QR code.

Did the invoice not reach you, is something not right, or is paying difficult just now? Just let me know and we will look at what is possible. If you have paid in the meantime, our messages have crossed and you can ignore this one.

Kind regards,
{{afzender}}
{{bedrijf.naam}}`,
    },
    zakelijk: {
      subject: 'Payment reminder for {{factuur}}',
      body: `Dear {{contactpersoon}},

According to my records the following has not been paid yet. It was due on {{vervaldatum}}.

{{facturen}}

Total outstanding: {{totaal}}

Please transfer the amount by {{uiterste_betaaldatum}} to {{iban}} in the name of {{bedrijf.naam}}, quoting payment reference {{betalingskenmerk}}. The specification is attached.

If there is anything about the invoice or the delivery that needs discussing first, please contact me. If you have paid in the meantime, please disregard this reminder.

Kind regards,
{{afzender}}
{{bedrijf.naam}}`,
    },
    streng: {
      subject: 'Not paid on time: {{factuur}}',
      body: `Dear {{contactpersoon}},

The payment term ended on {{vervaldatum}} for:

{{facturen}}

Total outstanding: {{totaal}}

I have not received payment. Please pay this amount by {{uiterste_betaaldatum}} to {{iban}} in the name of {{bedrijf.naam}}, quoting payment reference {{betalingskenmerk}}.

If you object to (part of) the amount, please tell me before that date so that we can discuss it.

Kind regards,
{{afzender}}
{{bedrijf.naam}}`,
    },
  },
  'reminder-2': {
    vriendelijk: {
      subject: 'Second reminder: {{factuur}}',
      body: `Dear {{contactpersoon}},

I sent you a reminder earlier about the amount below. I have not received a payment yet, nor heard from you.

{{facturen}}

Total open: {{totaal}}

Please transfer the amount by {{uiterste_betaaldatum}} to {{iban}} in the name of {{bedrijf.naam}}, with payment reference {{betalingskenmerk}}.

Is something making it hard to pay right now? Call or e-mail me; together we can often find a way, for example paying in parts. If I do not hear from you, I will give you a call soon.

Kind regards,
{{afzender}}
{{bedrijf.naam}}`,
    },
    zakelijk: {
      subject: 'Second payment reminder for {{factuur}}',
      body: `Dear {{contactpersoon}},

I sent you a reminder earlier about the following. So far I have received neither payment nor a reply.

{{facturen}}

Total outstanding: {{totaal}}

Please transfer the amount by {{uiterste_betaaldatum}} to {{iban}} in the name of {{bedrijf.naam}}, quoting payment reference {{betalingskenmerk}}.

If you dispute (part of) the amount, or cannot pay it in one go, please contact me before that date so that we can discuss the options. Without a reply I will contact you by phone.

Kind regards,
{{afzender}}
{{bedrijf.naam}}`,
    },
    streng: {
      subject: 'Second reminder: payment of {{factuur}} is still outstanding',
      body: `Dear {{contactpersoon}},

Despite my earlier reminder, I have still not received payment for the following.

{{facturen}}

Total outstanding: {{totaal}}

I expect payment by {{uiterste_betaaldatum}} to {{iban}} in the name of {{bedrijf.naam}}, quoting payment reference {{betalingskenmerk}}.

If there is a reason why you cannot pay, please contact me straight away. If I receive neither payment nor a reply, a final notice will follow.

Kind regards,
{{afzender}}
{{bedrijf.naam}}`,
    },
  },
  'call-confirmation': {
    vriendelijk: {
      subject: 'Good to talk to you: {{factuur}}',
      body: `Dear {{contactpersoon}},

Thank you for our call on {{gesprek.datum}}. For clarity, here is a short summary of what we discussed:

{{gesprek.notities}}

It concerns:

{{facturen}}

Total open: {{totaal}}

You can pay to {{iban}} in the name of {{bedrijf.naam}}, with payment reference {{betalingskenmerk}}.

Did I get something wrong, or would you like to add anything? Please let me know.

Kind regards,
{{afzender}}
{{bedrijf.naam}}`,
    },
    zakelijk: {
      subject: 'Confirmation of our call about {{factuur}}',
      body: `Dear {{contactpersoon}},

I hereby confirm our phone call of {{gesprek.datum}}. In short:

{{gesprek.notities}}

It concerns:

{{facturen}}

Total outstanding: {{totaal}}

You can pay to {{iban}} in the name of {{bedrijf.naam}}, quoting payment reference {{betalingskenmerk}}.

If this summary is not correct, please let me know.

Kind regards,
{{afzender}}
{{bedrijf.naam}}`,
    },
    streng: {
      subject: 'Record of our call about {{factuur}}',
      body: `Dear {{contactpersoon}},

This is a record of what we discussed by phone on {{gesprek.datum}}:

{{gesprek.notities}}

It concerns:

{{facturen}}

Total outstanding: {{totaal}}

Please pay to {{iban}} in the name of {{bedrijf.naam}}, quoting payment reference {{betalingskenmerk}}.

If you believe this record is incorrect, please let me know within five working days.

Kind regards,
{{afzender}}
{{bedrijf.naam}}`,
    },
  },
  'promise-confirmation': {
    vriendelijk: {
      subject: 'Our agreement about {{factuur}}',
      body: `Dear {{contactpersoon}},

Thank you for our call on {{gesprek.datum}}, and I am glad we could agree on a plan. As agreed, you will pay {{belofte.bedrag}} by {{belofte.datum}}.

What I noted from our call:
{{gesprek.notities}}

{{facturen}}

Total open: {{totaal}}

You can transfer the amount to {{iban}} in the name of {{bedrijf.naam}}, with payment reference {{betalingskenmerk}}. Until that date I will not take any further steps.

If something unexpected comes up, please let me know before {{belofte.datum}} and we will look at it again.

Kind regards,
{{afzender}}
{{bedrijf.naam}}`,
    },
    zakelijk: {
      subject: 'Confirmation of the payment agreement for {{factuur}}',
      body: `Dear {{contactpersoon}},

I hereby confirm the agreement from our phone call of {{gesprek.datum}}: you will pay {{belofte.bedrag}} by {{belofte.datum}}.

My note of the call:
{{gesprek.notities}}

{{facturen}}

Total outstanding: {{totaal}}

You can transfer the amount to {{iban}} in the name of {{bedrijf.naam}}, quoting payment reference {{betalingskenmerk}}. Until that date I will take no further steps.

If your situation changes, please contact me before {{belofte.datum}}.

Kind regards,
{{afzender}}
{{bedrijf.naam}}`,
    },
    streng: {
      subject: 'Record of the payment agreement for {{factuur}}',
      body: `Dear {{contactpersoon}},

On {{gesprek.datum}} you agreed by phone to pay {{belofte.bedrag}} by {{belofte.datum}}. I hereby record that agreement.

Note of the call:
{{gesprek.notities}}

{{facturen}}

Total outstanding: {{totaal}}

Payment to {{iban}} in the name of {{bedrijf.naam}}, quoting payment reference {{betalingskenmerk}}. Until that date I will take no further steps. If the agreement is not kept, I will continue the collection procedure with a final notice.

Kind regards,
{{afzender}}
{{bedrijf.naam}}`,
    },
  },
  'installment-reminder': {
    vriendelijk: {
      subject: 'Heads-up: installment {{termijn.nummer}} of our payment arrangement ({{termijn.datum}})',
      body: `Dear {{contactpersoon}},

Just a friendly heads-up: installment {{termijn.nummer}} of {{regeling.aantal}} of our payment arrangement for {{factuur}} is planned for {{termijn.datum}}.

To pay: {{termijn.bedrag}}, by {{termijn.datum}}
To: {{iban}} in the name of {{bedrijf.naam}}
Description: {{betalingskenmerk}}

The attached schedule has a QR code that lets you pay in one go in a banking app that supports it. So far {{regeling.betaald}} of the {{regeling.totaal}} has been paid.

Already scheduled the payment? Then this is just a reminder. If it does not work out this time, please let me know before {{termijn.datum}}; we will see together what is possible.

Kind regards,
{{afzender}}
{{bedrijf.naam}}`,
    },
    zakelijk: {
      subject: 'Reminder: installment {{termijn.nummer}} of the payment arrangement, due {{termijn.datum}}',
      body: `Dear {{contactpersoon}},

I would like to remind you of installment {{termijn.nummer}} of {{regeling.aantal}} of the payment arrangement for {{factuur}}.

To pay: {{termijn.bedrag}}, by {{termijn.datum}}
Account: {{iban}} in the name of {{bedrijf.naam}}
Description: {{betalingskenmerk}}

The schedule is attached. So far {{regeling.betaald}} of the {{regeling.totaal}} has been paid.

If you have already scheduled the payment, this message is for your information only. If you cannot pay this installment on time, please contact me before {{termijn.datum}}.

Kind regards,
{{afzender}}
{{bedrijf.naam}}`,
    },
    streng: {
      subject: 'Installment {{termijn.nummer}} of the payment arrangement is due on {{termijn.datum}}',
      body: `Dear {{contactpersoon}},

Installment {{termijn.nummer}} of {{regeling.aantal}} of the payment arrangement for {{factuur}} is due on {{termijn.datum}}. Please pay {{termijn.bedrag}} by that date to {{iban}} in the name of {{bedrijf.naam}}, quoting {{betalingskenmerk}}.

The schedule is attached. So far {{regeling.betaald}} of the {{regeling.totaal}} has been paid; {{regeling.resterend}} remains to be paid.

{{regeling.vervalbeding}}

Kind regards,
{{afzender}}
{{bedrijf.naam}}`,
    },
  },
  'arrangement-confirmation': {
    vriendelijk: {
      subject: 'Our payment arrangement for {{factuur}}',
      body: `Dear {{contactpersoon}},

I am glad we worked it out together. Here is the payment arrangement in writing, so that we both know where we stand.

It concerns:
{{facturen}}

You will pay {{regeling.totaal}} in total ({{regeling.opbouw}}) in {{regeling.termijnen}}:
{{regeling.schema}}

You can transfer each installment to {{iban}} in the name of {{bedrijf.naam}}, with the description {{betalingskenmerk}}. The attached schedule has a QR code for the next installment. As long as the installments come in, I will take no further steps.

{{regeling.vervalbeding}}

Is anything in this overview not right? Please let me know within a week.

Kind regards,
{{afzender}}
{{bedrijf.naam}}`,
    },
    zakelijk: {
      subject: 'Confirmation of the payment arrangement for {{factuur}}',
      body: `Dear {{contactpersoon}},

I hereby confirm the payment arrangement we agreed for:

{{facturen}}

You will pay {{regeling.totaal}} in total ({{regeling.opbouw}}) in {{regeling.termijnen}}:
{{regeling.schema}}

Please transfer each installment to {{iban}} in the name of {{bedrijf.naam}}, quoting {{betalingskenmerk}}. The schedule is also attached. As long as the installments are paid on time, I will take no further steps.

{{regeling.vervalbeding}}

If you believe this confirmation is incorrect, please let me know within five working days.

Kind regards,
{{afzender}}
{{bedrijf.naam}}`,
    },
    streng: {
      subject: 'Record of the payment arrangement for {{factuur}}',
      body: `Dear {{contactpersoon}},

I hereby record the payment arrangement we agreed for:

{{facturen}}

You will pay {{regeling.totaal}} in total ({{regeling.opbouw}}) in {{regeling.termijnen}}:
{{regeling.schema}}

Payment to {{iban}} in the name of {{bedrijf.naam}}, quoting {{betalingskenmerk}}. As long as the installments are paid on time, I will take no further steps.

{{regeling.vervalbeding}}

If you believe this record is incorrect, please let me know within five working days.

Kind regards,
{{afzender}}
{{bedrijf.naam}}`,
    },
  },
};

export const DEFAULT_TEMPLATES: Readonly<Record<'nl' | 'en', Record<MailStep, PerTone>>> = { nl, en };

export function defaultTemplate(step: MailStep, language: 'nl' | 'en', tone: Tone): Text {
  return DEFAULT_TEMPLATES[language][step][tone];
}
