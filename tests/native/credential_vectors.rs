//! The W3C test vectors of "Data Integrity EdDSA Cryptosuites v1.0", appendix
//! "Representation: eddsa-jcs-2022", checked byte for byte (files in tests/fixtures/vectors).

use hocso::credential::did_key::{decode_secret_multikey, encode_secret_multikey, DidKey};
use hocso::credential::proof::{
    configure, create_proof, hash, serialize_proof, transform, verify_proof,
};
use hocso::credential::strict_json::{parse_tree, parse_tree_noting_form, Arena};
use serde_json::{Map, Value};

fn vector(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/vectors/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn object(name: &str) -> Map<String, Value> {
    match serde_json::from_str(&vector(name)) {
        Ok(Value::Object(map)) => map,
        other => panic!("{name} is not a json object: {other:?}"),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn key_pair() -> (ed25519_dalek::SigningKey, DidKey) {
    let pair = object("keyPair.json");
    let secret = pair["privateKeyMultibase"].as_str().expect("secret key");
    let key = decode_secret_multikey(secret).expect("secret multikey decodes");
    assert_eq!(encode_secret_multikey(&key), secret);
    let did = DidKey::of(&key);
    assert_eq!(
        did.multikey(),
        pair["publicKeyMultibase"].as_str().expect("public key")
    );
    (key, did)
}

/// The proof options: the vector's proof configuration without the `@context` that Create
/// Proof step 2 copies from the document.
fn proof_options() -> Map<String, Value> {
    let mut options = object("eddsa-jcs-2022/proofConfigJCS.json");
    options.remove("@context");
    options
}

#[test]
fn key_pair_and_did_key_match_the_vectors() {
    let (_, did) = key_pair();
    let method = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2\
                  #z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
    assert_eq!(did.verification_method(), method);
    assert_eq!(DidKey::parse_verification_method(method), Ok(did));
}

#[test]
fn every_intermediate_value_matches_byte_for_byte() {
    let (key, _) = key_pair();
    let unsigned = object("unsigned.json");
    let config = object("eddsa-jcs-2022/proofConfigJCS.json");

    let canonical_document = transform(&unsigned, &config).expect("transform");
    assert_eq!(
        canonical_document,
        vector("eddsa-jcs-2022/canonDocJCS.txt").as_bytes()
    );

    let canonical_config = configure(&config).expect("proof configuration");
    assert_eq!(
        canonical_config,
        vector("eddsa-jcs-2022/proofCanonJCS.txt").as_bytes()
    );

    let hash_data = hash(&canonical_document, &canonical_config);
    assert_eq!(
        hex(&hash_data[..32]),
        vector("eddsa-jcs-2022/proofHashJCS.txt")
    );
    assert_eq!(
        hex(&hash_data[32..]),
        vector("eddsa-jcs-2022/docHashJCS.txt")
    );
    assert_eq!(
        hex(&hash_data),
        vector("eddsa-jcs-2022/combinedHashJCS.txt")
    );

    let signature = serialize_proof(&hash_data, &key);
    assert_eq!(hex(&signature), vector("eddsa-jcs-2022/sigHexJCS.txt"));
}

#[test]
fn create_proof_reproduces_the_signed_credential() {
    let (key, _) = key_pair();
    let proof = create_proof(&object("unsigned.json"), &proof_options(), &key).expect("proof");
    assert_eq!(
        proof["proofValue"],
        vector("eddsa-jcs-2022/sigBTC58JCS.txt").as_str()
    );
    let mut signed = object("unsigned.json");
    signed.insert("proof".to_owned(), Value::Object(proof));
    assert_eq!(signed, object("eddsa-jcs-2022/signedJCS.json"));
}

#[test]
fn verify_proof_accepts_the_signed_credential() {
    let (_, did) = key_pair();
    let text = vector("eddsa-jcs-2022/signedJCS.json");
    let arena = Arena::new();
    let document = parse_tree(&text, &arena).expect("strict json");
    let members = document.as_object().expect("an object");
    let verified = verify_proof(members, None).expect("verifies");
    assert_eq!(verified.signer, did);
    assert_eq!(
        verified.canonical_document,
        vector("eddsa-jcs-2022/canonDocJCS.txt").as_bytes()
    );
    assert_eq!(
        verified.canonical_config,
        vector("eddsa-jcs-2022/proofCanonJCS.txt").as_bytes()
    );
}

#[test]
fn verify_proof_takes_canonical_text_as_it_is() {
    let (_, did) = key_pair();
    let pretty: Value = serde_json::from_str(&vector("eddsa-jcs-2022/signedJCS.json")).unwrap();
    let compact = String::from_utf8(hocso::jcs::canonicalize(&pretty)).unwrap();
    let arena = Arena::new();
    let (document, canonical) = parse_tree_noting_form(&compact, &arena).expect("strict json");
    assert_eq!(canonical.map(|c| c.text()), Some(compact.as_str()));
    let verified = verify_proof(document.as_object().unwrap(), canonical).expect("verifies");
    assert_eq!(verified.signer, did);
    assert_eq!(
        verified.canonical_document,
        vector("eddsa-jcs-2022/canonDocJCS.txt").as_bytes()
    );
    // A member changed after signing fails on this path as on the other.
    let tampered = compact.replace("The School of Examples", "The School of Exampled");
    assert_ne!(tampered, compact);
    let (document, canonical) = parse_tree_noting_form(&tampered, &arena).unwrap();
    assert!(canonical.is_some());
    assert_eq!(
        verify_proof(document.as_object().unwrap(), canonical).unwrap_err(),
        hocso::credential::proof::ProofError::SignatureInvalid
    );
}
