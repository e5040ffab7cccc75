/** Fictional people for the offline demo and the end-to-end tests. Any likeness is chance. */
export interface DemoPerson {
  slug: string;
  name: string;
  headline: string;
  location: string;
  about: string;
}

export const linkedinPeople: DemoPerson[] = [
  {
    slug: 'jana-beispiel',
    name: 'Jana Beispiel',
    headline: 'Product Manager at Musterwerk GmbH',
    location: 'Hamburg, Germany',
    about: 'Builds tools for field service teams. Ask her about sailing on the Alster.',
  },
  {
    slug: 'lukas-mustermann-4a1b2c',
    name: 'Lukas Mustermann',
    headline: 'Data Engineer · Open-source maintainer',
    location: 'Leipzig, Saxony, Germany',
    about: 'Pipelines, Postgres and RB Leipzig.',
  },
  {
    slug: 'jürgen-müller-b4792a57',
    name: 'Jürgen Müller',
    headline: 'Consultant for energy efficiency',
    location: 'Stuttgart, Germany',
    about: 'Former colleague from the 2023 training course in Kassel.',
  },
];

export const xingPeople: DemoPerson[] = [
  {
    slug: 'Sofia_Probst',
    name: 'Sofia Probst',
    headline: 'Head of Sales DACH bei Beispiel AG',
    location: 'München',
    about: 'Vertrieb, Mentoring, FC Bayern.',
  },
  {
    slug: 'Thomas_Beispiel2',
    name: 'Thomas Beispiel',
    headline: 'Steuerberater',
    location: 'Köln',
    about: 'Steuern, Karneval, Radfahren.',
  },
];
