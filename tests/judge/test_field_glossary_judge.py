"""Field glossaries: the shipped ML glossary, user glossaries, malformed files."""

from pathlib import Path

import pytest

from citecheck.errors import InputError
from citecheck.judge.glossary import (
    GLOSSARIES_ENV,
    glossary_paths,
    glosses,
    is_word,
    load_glossary,
    stem,
)
from citecheck.rulepack import packs_dir


def test_shipped_glossary_loads_and_adds_the_field_senses():
    terms = load_glossary(packs_dir() / "glossary-ml.toml")
    assert 150 <= len(terms) <= 400
    assert stem("preference") in terms["偏好"]
    assert stem("preference") in glosses("偏好")  # CC-CEDICT only says "liking"
    assert stem("neural") in glosses("神经")
    assert is_word("负梯度") is False and is_word("梯度下降")


def test_user_glossaries_come_after_the_shipped_ones(tmp_path, monkeypatch):
    monkeypatch.setenv(GLOSSARIES_ENV, str(tmp_path / "bio.toml"))
    paths = glossary_paths()
    assert paths[0].name == "glossary-ml.toml"
    assert paths[-1] == tmp_path / "bio.toml"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "field.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_glossary_file_maps_terms_to_stems(tmp_path):
    path = write(tmp_path, '[terms]\n"测序" = ["sequencing", "sequence reads"]\n')
    assert load_glossary(path) == {"测序": frozenset({stem("sequencing"), stem("reads")})}


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[terms\n", "invalid TOML"),
        ('name = "x"\n', "non-empty [terms] table"),
        ('[terms]\n"gene" = ["gene"]\n', "is not a Chinese word"),
        ('[terms]\n"测序" = "sequencing"\n', "needs a list of English words"),
        ('[terms]\n"测序" = ["的"]\n', "needs a list of English words"),
    ],
)
def test_a_malformed_glossary_is_an_input_error_naming_the_file(tmp_path, text, problem):
    path = write(tmp_path, text)
    with pytest.raises(InputError) as error:
        load_glossary(path)
    assert error.value.path == str(path)
    assert problem in str(error.value)
    assert "\n" not in str(error.value)


def test_a_missing_glossary_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read glossary"):
        load_glossary(tmp_path / "absent.toml")
