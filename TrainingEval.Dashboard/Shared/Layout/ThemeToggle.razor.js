// Remembers the theme for a year so the server prerenders it on the next visit.
export function storeTheme(value, cookieName) {
  document.cookie = `${cookieName}=${value}; path=/; max-age=31536000; samesite=lax`;
}
