// Starts the Học số wasm app. Loaded as a module from our own origin, so the page needs no
// inline script under its Content Security Policy. Trunk fills in the hashed file names.
const boot = document.getElementById('boot');
const { default: init } = await import(boot.dataset.js);
await init({ module_or_path: boot.dataset.wasm });
