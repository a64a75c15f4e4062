//! The wasm entry point: Trunk builds this binary and `www/boot.js` starts it.

fn main() {
    hocso::web::start();
}
