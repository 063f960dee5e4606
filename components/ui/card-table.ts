// Classes that turn a table into a list of cards below md (a phone): the header row stays for
// screen readers (sr-only), each row becomes a card and each cell a line of it, labelled on the
// left with its column's name from the cell's data-label. The page never scrolls sideways, and
// from md up the classes do nothing. Inside a card nothing keeps to one line (whitespace-nowrap in a
// cell's content included): an API path or a volume name wraps rather than widen the card.
export const CARD_TABLE = 'max-md:block';
export const CARD_HEAD = 'max-md:sr-only';
export const CARD_BODY = 'max-md:block';
export const CARD_ROW = 'max-md:block max-md:py-1.5';
export const CARD_CELL =
  'max-md:flex max-md:min-h-7 max-md:items-center max-md:justify-between max-md:gap-3 max-md:border-b-0 max-md:py-0.5 max-md:text-right max-md:whitespace-normal max-md:[overflow-wrap:anywhere] max-md:[&_*]:whitespace-normal ' +
  'max-md:before:shrink-0 max-md:before:text-left max-md:before:font-sans max-md:before:text-xs max-md:before:font-normal max-md:before:text-fg-muted max-md:before:content-[attr(data-label)]';
