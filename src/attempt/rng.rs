//! The seeded random stream behind every draw, and the two sampling primitives built on it.
//!
//! Only `next_u64` of [`ChaCha20Rng`] is used, and the bounded draw and the shuffles are written
//! here rather than taken from `rand`, so a change in how `rand` samples can never change a draw.
//! The stream itself is fixed by `rand_core`'s `seed_from_u64` (PCG32 expansion of the `u64` into
//! the 32-byte ChaCha key, documented as value-stable) and by ChaCha20 with a zero stream id.

use rand_chacha::rand_core::{Rng, SeedableRng};
use rand_chacha::ChaCha20Rng;

/// A deterministic random stream: the same seed yields the same numbers on every platform.
pub(crate) struct Stream(ChaCha20Rng);

impl Stream {
    /// The stream for `seed` (`ChaCha20Rng::seed_from_u64(seed)`).
    pub(crate) fn new(seed: u64) -> Self {
        Self(ChaCha20Rng::seed_from_u64(seed))
    }

    /// A uniform integer in `0..n`, without modulo bias; `n` must be at least 1.
    ///
    /// Rejection sampling: with `t = 2^64 mod n`, draw `x = next_u64()` until `x >= t`, then
    /// return `x mod n`. The accepted range `t..2^64` holds a multiple of `n` values, so every
    /// residue is equally likely; at most one draw in two is rejected (usually none). `n == 1`
    /// still consumes one number, so the stream position does not depend on `n`'s special cases.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        debug_assert!(n > 0, "bounded draw from an empty range");
        let n = n as u64;
        let threshold = n.wrapping_neg() % n;
        loop {
            let x = self.0.next_u64();
            if x >= threshold {
                // `x % n < n <= usize::MAX`: the conversion cannot truncate.
                return (x % n) as usize;
            }
        }
    }

    /// Shuffles `items` in place: Fisher–Yates from the back, `for i in (1..len).rev()` swap
    /// `items[i]` with `items[below(i + 1)]`. A slice of 0 or 1 items consumes nothing.
    pub(crate) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }

    /// Moves a uniformly chosen `k`-subset of `items` to its front, in random order: the first `k`
    /// steps of a forward Fisher–Yates, `for i in 0..k` swap `items[i]` with
    /// `items[i + below(len - i)]`. Returns the chosen prefix; `k` must not exceed `items.len()`.
    pub(crate) fn choose<'a, T>(&mut self, items: &'a mut [T], k: usize) -> &'a [T] {
        debug_assert!(k <= items.len(), "cannot choose more items than there are");
        for i in 0..k {
            let j = i + self.below(items.len() - i);
            items.swap(i, j);
        }
        &items[..k]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stream_is_chacha20_seeded_from_u64() {
        // Pins the raw stream (the same value under rand_chacha 0.9 and 0.10): if `seed_from_u64` or
        // ChaCha20 ever changed, every draw would change.
        let mut a = ChaCha20Rng::seed_from_u64(42);
        let first = a.next_u64();
        let mut s = Stream::new(42);
        assert_eq!(s.0.next_u64(), first);
        assert_eq!(
            first, 0x8398_bc11_d7b5_4878_u64,
            "raw ChaCha20 stream for seed 42 moved"
        );
    }

    #[test]
    fn below_stays_in_range_and_covers_it() {
        let mut s = Stream::new(7);
        for n in 1..=9 {
            let mut seen = vec![false; n];
            for _ in 0..400 {
                let x = s.below(n);
                assert!(x < n);
                seen[x] = true;
            }
            assert!(seen.iter().all(|&b| b), "some value of 0..{n} never drawn");
        }
    }

    #[test]
    fn below_is_roughly_uniform() {
        let mut s = Stream::new(1);
        let mut counts = [0u32; 3];
        for _ in 0..30_000 {
            counts[s.below(3)] += 1;
        }
        for c in counts {
            assert!((9_500..10_500).contains(&c), "counts {counts:?}");
        }
    }

    #[test]
    fn shuffle_is_a_permutation_and_depends_on_seed() {
        let base: Vec<u32> = (0..20).collect();
        let mut a = base.clone();
        let mut b = base.clone();
        Stream::new(3).shuffle(&mut a);
        Stream::new(4).shuffle(&mut b);
        assert_ne!(a, b);
        assert_ne!(a, base);
        let mut sorted = a.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, base);
    }

    #[test]
    fn choose_picks_distinct_items() {
        let mut items: Vec<u32> = (0..10).collect();
        let chosen = Stream::new(9).choose(&mut items, 4).to_vec();
        assert_eq!(chosen.len(), 4);
        let mut dedup = chosen.clone();
        dedup.sort_unstable();
        dedup.dedup();
        assert_eq!(dedup.len(), 4);
        assert!(chosen.iter().all(|x| *x < 10));
    }

    #[test]
    fn empty_and_single_shuffles_consume_nothing() {
        let mut s = Stream::new(5);
        s.shuffle::<u8>(&mut []);
        s.shuffle(&mut [1]);
        assert_eq!(s.0.next_u64(), Stream::new(5).0.next_u64());
    }
}
