//! An independent implementation of the draw, written only from the algorithm documented in
//! `hocso::attempt::draw` (PCG32 seed expansion, ChaCha20 per RFC 8439 with a 64-bit block
//! counter, the bounded draw, choose, shuffle and the four steps), with no `rand` crate.
//!
//! It must agree with `Draw::from_bank` on the shipped bank for many seeds and settings: this is
//! what lets anyone replay a draw without our code, and it catches a change of `rand_chacha`'s
//! stream or an undocumented step in ours.

use hocso::attempt::{ContestSettings, Draw, Quota};
use hocso::bank::{AnswerKey, Bank};

use crate::support::shipped_bank;

/// `SeedableRng::seed_from_u64`: eight PCG32 outputs, little-endian, form the 32-byte key.
fn key_from_u64(mut state: u64) -> [u32; 8] {
    let mut key = [0u32; 8];
    for word in &mut key {
        state = state
            .wrapping_mul(0x5851_f42d_4c95_7f2d)
            .wrapping_add(0xa176_54e4_6fbe_17f3);
        let xorshifted = (((state >> 18) ^ state) >> 27) as u32;
        *word = xorshifted.rotate_right((state >> 59) as u32);
    }
    key
}

fn quarter_round(s: &mut [u32; 16], a: usize, b: usize, c: usize, d: usize) {
    s[a] = s[a].wrapping_add(s[b]);
    s[d] = (s[d] ^ s[a]).rotate_left(16);
    s[c] = s[c].wrapping_add(s[d]);
    s[b] = (s[b] ^ s[c]).rotate_left(12);
    s[a] = s[a].wrapping_add(s[b]);
    s[d] = (s[d] ^ s[a]).rotate_left(8);
    s[c] = s[c].wrapping_add(s[d]);
    s[b] = (s[b] ^ s[c]).rotate_left(7);
}

/// The ChaCha20 block function of RFC 8439 §2.3 over a full 16-word input state.
fn chacha20_block(input: &[u32; 16]) -> [u32; 16] {
    let mut s = *input;
    for _ in 0..10 {
        quarter_round(&mut s, 0, 4, 8, 12);
        quarter_round(&mut s, 1, 5, 9, 13);
        quarter_round(&mut s, 2, 6, 10, 14);
        quarter_round(&mut s, 3, 7, 11, 15);
        quarter_round(&mut s, 0, 5, 10, 15);
        quarter_round(&mut s, 1, 6, 11, 12);
        quarter_round(&mut s, 2, 7, 8, 13);
        quarter_round(&mut s, 3, 4, 9, 14);
    }
    for (out, inp) in s.iter_mut().zip(input) {
        *out = out.wrapping_add(*inp);
    }
    s
}

/// The stream: blocks 0, 1, 2, … of key `key_from_u64(seed)`, words 12–13 the block counter,
/// words 14–15 (the stream id) zero; `next_u64` joins two consecutive words, low word first.
struct Reference {
    key: [u32; 8],
    counter: u64,
    words: Vec<u32>,
}

impl Reference {
    fn new(seed: u64) -> Self {
        Self {
            key: key_from_u64(seed),
            counter: 0,
            words: Vec::new(),
        }
    }

    fn next_u32(&mut self) -> u32 {
        if self.words.is_empty() {
            let mut input = [0u32; 16];
            input[..4].copy_from_slice(&[0x6170_7865, 0x3320_646e, 0x7962_2d32, 0x6b20_6574]);
            input[4..12].copy_from_slice(&self.key);
            input[12] = self.counter as u32;
            input[13] = (self.counter >> 32) as u32;
            self.counter += 1;
            self.words = chacha20_block(&input).into_iter().rev().collect();
        }
        self.words.pop().expect("a block was just generated")
    }

    fn next_u64(&mut self) -> u64 {
        let lo = u64::from(self.next_u32());
        let hi = u64::from(self.next_u32());
        (hi << 32) | lo
    }

    fn below(&mut self, n: usize) -> usize {
        let n = n as u64;
        let threshold = n.wrapping_neg() % n;
        loop {
            let x = self.next_u64();
            if x >= threshold {
                return (x % n) as usize;
            }
        }
    }

    fn choose(&mut self, list: &mut [usize], k: usize) -> Vec<usize> {
        for i in 0..k {
            let j = i + self.below(list.len() - i);
            list.swap(i, j);
        }
        list[..k].to_vec()
    }

    fn shuffle(&mut self, list: &mut [usize]) {
        for i in (1..list.len()).rev() {
            let j = self.below(i + 1);
            list.swap(i, j);
        }
    }
}

/// The four documented steps; returns (question id, choice order) in presentation order.
fn reference_draw(bank: &Bank, seed: u64, settings: &ContestSettings) -> Vec<(String, Vec<usize>)> {
    let mut rng = Reference::new(seed);
    let mut picked = Vec::new();
    for topic in &bank.topics {
        let quota = settings
            .quotas
            .iter()
            .find(|q| q.topic == topic.id)
            .map_or(0, |q| q.count);
        if quota > 0 {
            let mut pool: Vec<usize> = (0..bank.questions.len())
                .filter(|&i| bank.questions[i].topic == topic.id)
                .collect();
            picked.extend(rng.choose(&mut pool, quota));
        }
    }
    let mut rest: Vec<usize> = (0..bank.questions.len())
        .filter(|i| !picked.contains(i))
        .collect();
    let remaining = settings.questions - picked.len();
    picked.extend(rng.choose(&mut rest, remaining));
    rng.shuffle(&mut picked);
    picked
        .into_iter()
        .map(|i| {
            let question = &bank.questions[i];
            let order = match &question.answer {
                AnswerKey::Single { choices, .. } | AnswerKey::Multiple { choices, .. } => {
                    let mut order: Vec<usize> = (0..choices.len()).collect();
                    rng.shuffle(&mut order);
                    order
                }
                AnswerKey::TrueFalse { .. } => vec![0, 1],
                AnswerKey::Short { .. } => Vec::new(),
            };
            (question.id.clone(), order)
        })
        .collect()
}

fn ours(bank: &Bank, seed: u64, settings: &ContestSettings) -> Vec<(String, Vec<usize>)> {
    let draw = Draw::from_bank(bank, seed, settings).expect("valid settings");
    draw.questions()
        .iter()
        .map(|q| (q.id.clone(), q.choice_order.clone()))
        .collect()
}

#[test]
fn reference_chacha20_matches_rfc_8439() {
    // RFC 8439 §2.3.2: key 00..1f, block counter 1, nonce 00:00:00:09:00:00:00:4a:00:00:00:00.
    let mut input = [0u32; 16];
    input[..4].copy_from_slice(&[0x6170_7865, 0x3320_646e, 0x7962_2d32, 0x6b20_6574]);
    for (i, word) in input[4..12].iter_mut().enumerate() {
        let b = (4 * i) as u8;
        *word = u32::from_le_bytes([b, b + 1, b + 2, b + 3]);
    }
    input[12..].copy_from_slice(&[1, 0x0900_0000, 0x4a00_0000, 0]);
    let expected = [
        0xe4e7_f110,
        0x1559_3bd1,
        0x1fdd_0f50,
        0xc471_20a3,
        0xc7f4_d1c7,
        0x0368_c033,
        0x9aaa_2204,
        0x4e6c_d4c3,
        0x4664_82d2,
        0x09aa_9f07,
        0x05d7_c214,
        0xa202_8bd9,
        0xd19c_12b5,
        0xb94e_16de,
        0xe883_d0cb,
        0x4e3c_50a2,
    ];
    assert_eq!(chacha20_block(&input), expected);
}

#[test]
fn reference_stream_matches_the_pinned_first_number() {
    // The same number the engine's own unit test pins for seed 42.
    assert_eq!(Reference::new(42).next_u64(), 0x8398_bc11_d7b5_4878);
}

#[test]
fn independent_reference_agrees_with_the_engine() {
    let bank = shipped_bank();
    let defaults = ContestSettings::from_defaults(bank.contest.as_ref().expect("contest defaults"));
    let first_topic = bank.topics[0].id.clone();
    let last_topic = bank.topics[bank.topics.len() - 1].id.clone();
    let variants = [
        defaults.clone(),
        ContestSettings {
            questions: 5,
            quotas: Vec::new(),
            ..defaults.clone()
        },
        ContestSettings {
            questions: 12,
            quotas: vec![
                Quota {
                    topic: last_topic,
                    count: 4,
                },
                Quota {
                    topic: first_topic,
                    count: 3,
                },
            ],
            ..defaults.clone()
        },
        ContestSettings {
            questions: bank.questions.len(),
            quotas: Vec::new(),
            ..defaults
        },
    ];
    let seeds = (0..150u64).chain([u64::MAX, u64::MAX - 1, 1 << 63, 0x5eed_0000_0000_0001]);
    for seed in seeds {
        for settings in &variants {
            assert_eq!(
                ours(&bank, seed, settings),
                reference_draw(&bank, seed, settings),
                "seed {seed}, {} questions",
                settings.questions
            );
        }
    }
}
