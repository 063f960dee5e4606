// The look of every Radix dropdown menu in the console (user menu, row action menus).
export const MENU_CONTENT_CLASSES = 'z-50 min-w-44 rounded border border-line bg-surface p-1 shadow-lg';
export const MENU_ITEM_CLASSES =
  'flex cursor-default items-center gap-2 rounded px-2 py-1.5 text-[13px] text-fg outline-none data-[disabled]:text-fg-subtle data-[highlighted]:bg-surface-hover';
export const MENU_SEPARATOR_CLASSES = 'my-1 h-px bg-line';
