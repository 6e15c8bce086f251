#!/usr/bin/env python3
"""Recompute a StdHub expert draw from its published inputs, independently of StdHub's code.

Usage: verify_draw.py VERIFICATION_JSON   (a file, or an http(s) URL such as
       https://HOST/api/v1/draws/7/verification)

It rebuilds the canonical inputs text and its SHA-256, checks the revealed seed against the seed
commitment, and recomputes the ordered list with NIST SP 800-90A HMAC_DRBG (SHA-256; entropy input =
seed, nonce = the inputs hash in ASCII, personalization = "StdHub expert draw") and a Fisher-Yates
shuffle of the eligible ids (place i takes a uniform index in [i, n); uniform indexes from 32-bit
big-endian words with the biased tail rejected). Only the Python standard library is used.
"""
import hashlib
import hmac
import json
import sys
import urllib.request


class HmacDrbg:
    """SP 800-90A HMAC_DRBG with SHA-256, no reseeding, no additional input."""

    def __init__(self, entropy, nonce, personalization):
        self.k = b"\x00" * 32
        self.v = b"\x01" * 32
        self._update(entropy + nonce + personalization)

    def _hmac(self, key, data):
        return hmac.new(key, data, hashlib.sha256).digest()

    def _update(self, data):
        self.k = self._hmac(self.k, self.v + b"\x00" + (data or b""))
        self.v = self._hmac(self.k, self.v)
        if data:
            self.k = self._hmac(self.k, self.v + b"\x01" + data)
            self.v = self._hmac(self.k, self.v)

    def generate(self, n):
        out = b""
        while len(out) < n:
            self.v = self._hmac(self.k, self.v)
            out += self.v
        self._update(None)
        return out[:n]


def order(seed_hex, inputs_hash, eligible, count):
    drbg = HmacDrbg(bytes.fromhex(seed_hex), inputs_hash.encode("ascii"), b"StdHub expert draw")

    def uniform(bound):
        limit = 2**32 - (2**32 % bound)
        while True:
            value = int.from_bytes(drbg.generate(4), "big")
            if value < limit:
                return value % bound

    ids = list(eligible)
    for i in range(count):
        j = i + uniform(len(ids) - i)
        ids[i], ids[j] = ids[j], ids[i]
    return ids[:count]


def canonical(v):
    excluded = {int(x.split(":")[0]) for x in v["exclusions"]}
    pool = sorted(v["pool"])
    eligible = [i for i in pool if i not in excluded]
    text = (
        f"algorithm={v['algorithm']}\ndraw={v['id']}\nmembers={v['members']}\nreserves={v['reserves']}\n"
        f"pool={','.join(map(str, pool))}\nexclusions={','.join(v['exclusions'])}\n"
        f"eligible={','.join(map(str, eligible))}\n"
    )
    return text, eligible


def main(source):
    if source.startswith("http://") or source.startswith("https://"):
        with urllib.request.urlopen(source) as r:
            v = json.load(r)
    else:
        with open(source, encoding="utf-8") as f:
            v = json.load(f)
    text, eligible = canonical(v)
    inputs_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    ok = inputs_hash == v["publishedInputsHash"]
    print("inputs hash   ", "matches" if ok else "DOES NOT MATCH", inputs_hash)
    if not v.get("seed"):
        print("seed          sealed until the decision is recorded")
        return 0 if ok else 1
    seed_ok = hashlib.sha256(bytes.fromhex(v["seed"])).hexdigest() == v["seedCommitment"]
    print("seed          ", "matches the commitment" if seed_ok else "DOES NOT MATCH the commitment")
    result = order(v["seed"], inputs_hash, eligible, v["members"] + v["reserves"])
    result_ok = result == v["publishedResult"]
    print("result        ", "matches" if result_ok else "DOES NOT MATCH", result)
    return 0 if ok and seed_ok and result_ok else 1


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
