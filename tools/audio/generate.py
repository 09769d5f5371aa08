#!/usr/bin/env python3
"""Makes the default recordings for the 4-7 version of the child's form, offline.

Every question and every option of every form with "pictures": true, and the page words listed in
src/main/resources/audio/pages.txt, in every reviewed (offered) language of src/main/resources/i18n/languages.json, are
spoken by espeak-ng and encoded as Opus in Ogg (16 kbit/s mono: a few kilobytes a file) to
src/main/resources/audio/<language>/<message key>.ogg. The service serves them at /audio/**.

    apt-get install espeak-ng opus-tools      # once (Debian packages)
    python3 tools/audio/generate.py           # everything
    python3 tools/audio/generate.py consultation.young.feel-home.title   # one question (or option) only
    python3 tools/audio/generate.py --drafts  # unreviewed languages too (not needed: they are not offered)

A trust replaces any file by its own recording without touching this: put a file with the same
language folder and name in the directory MYVIEW_AUDIO_DIRECTORY names (docs/consultation.md, "Audio").
The output is deterministic (fixed Ogg serial, no date), so regenerating unchanged words changes nothing in git.
"""
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "src/main/resources"
OUT = RESOURCES / "audio"


def load_properties(path):
    words = {}
    if not path.exists():
        return words
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\\\n[ \t]*", "", text)
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#") or line.startswith("!"):
            continue
        key, _, value = line.partition("=")
        value = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), value.strip())
        words[key.strip()] = value.replace("\\n", " ")
    return words


def words_for(language):
    merged = {}
    for bundle in ("consultation", "layout"):
        merged.update(load_properties(RESOURCES / f"i18n/{bundle}.properties"))
        if language != "en":
            merged.update(load_properties(RESOURCES / f"i18n/{bundle}_{language}.properties"))
    return merged


def keys_to_speak():
    """(file key, [message keys read one after another]); kept in step with consultation.AudioFiles."""
    keys = []
    for form in sorted((RESOURCES / "forms").glob("consultation-*.json")):
        definition = json.loads(form.read_text(encoding="utf-8"))
        if not definition.get("pictures"):
            continue
        base = definition["words"]
        for question in definition["questions"]:
            title = f"{base}.{question['id']}.title"
            keys.append((title, [title, f"{base}.{question['id']}.hint"]))
            kind = question["type"]
            options = ["happy", "ok", "sad", "worried"] if kind == "faces" else question.get("options", [])
            prefix = {"faces": "consultation.face.", "pictures": "consultation.picture."}.get(kind, "consultation.option.")
            for option in options:
                keys.append((prefix + option, [prefix + option]))
    for line in (OUT / "pages.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keys.append((line, [line]))
    seen, unique = set(), []
    for key, parts in keys:
        if key not in seen:
            seen.add(key)
            unique.append((key, parts))
    return unique


def speak(voice, text, target):
    with tempfile.TemporaryDirectory() as tmp:
        wav = pathlib.Path(tmp) / "speech.wav"
        # A little slower than usual, for young children.
        subprocess.run(["espeak-ng", "-v", voice, "-s", "135", "-w", str(wav), text], check=True)
        subprocess.run(["opusenc", "--quiet", "--bitrate", "16", "--downmix-mono", "--serial", "1",
                        "--discard-comments", str(wav), str(target)], check=True)


def main(only, drafts):
    languages = json.loads((RESOURCES / "i18n/languages.json").read_text(encoding="utf-8"))["languages"]
    # A draft is never offered to a child, so it needs no recordings until a translator has reviewed it.
    languages = [l for l in languages if l["reviewed"] or drafts]
    made = 0
    for language in languages:
        words = words_for(language["tag"])
        folder = OUT / language["tag"]
        folder.mkdir(parents=True, exist_ok=True)
        for key, parts in keys_to_speak():
            if only and key not in only:
                continue
            text = ". ".join(words[p] for p in parts if words.get(p, "").strip())
            if not text:
                sys.exit(f"no words for {key} in {language['tag']}")
            if "{" in text:
                sys.exit(f"{key} has a placeholder: it cannot be recorded once for everyone")
            speak(language["voice"], text, folder / f"{key}.ogg")
            made += 1
    print(f"{made} recordings in {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    args = set(sys.argv[1:])
    main(args - {"--drafts"}, "--drafts" in args)
