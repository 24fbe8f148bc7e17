/** Strings of the blog preview. Swedish is the reference; English has the same keys. */
export const previewSv = {
  open: 'Förhandsgranska',
  title: 'Förhandsvisning',
  frame: 'Inlägget som det ser ut på bloggen',
  width: 'Bredd',
  desktop: 'Dator',
  mobile: 'Mobil (390 px)',
  close: 'Stäng förhandsvisningen',
  noStyle: 'Förhandsvisning utan bloggens stil – synka för att hämta den',
  styleFrom: 'Bloggens stil från {{when}}',
  offline: 'Inget hämtas från nätet: bilder som inte finns på datorn visas som rutor.',
  loading: 'Förbereder förhandsvisningen…',
};

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const previewEn: Strings<typeof previewSv> = {
  open: 'Preview',
  title: 'Preview',
  frame: 'The post as it looks on the blog',
  width: 'Width',
  desktop: 'Desktop',
  mobile: 'Mobile (390 px)',
  close: 'Close the preview',
  noStyle: 'Preview without the blog’s style – sync to fetch it',
  styleFrom: 'The blog’s style from {{when}}',
  offline: 'Nothing is fetched from the network: images not on this computer show as boxes.',
  loading: 'Preparing the preview…',
};
