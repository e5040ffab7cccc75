export default defineContentScript({
  matches: ['https://*.linkedin.com/*', 'https://*.xing.com/*'],
  cssInjectionMode: 'manual',
  main() {},
});
