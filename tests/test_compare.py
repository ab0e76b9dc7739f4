"""Corpus comparison on constructed corpora where the right answer is known.

Six small fictional safety plans, written for these tests: three frame safety
repressively (aanpakken, bestrijden, handhaving, repressie ... with fines,
cameras, drug dealing), three positively (vertrouwen, verbinding,
samenwerking ... with residents, volunteers, the community centre). Places and
a few plain sentences are shared by all six. Planted on top:

- ``dijkwacht``, used only by the "kust" group (one repressive and one positive plan);
- ``zeewering``, used only in the plan ``kaaplaan``;
- ``wijkwarmte``, a made-up word that the positive plans use in the places where
  they otherwise write their seed words ("bouwt aan wijkwarmte tussen bewoners").
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from tests.conftest import load_benchmark
from textscan.cli import cli
from textscan.compare import (
    LSSScaler,
    Results,
    ResultsError,
    cluster_profiles,
    compare,
    default_seeds,
    effective_components,
    group_summary,
    keyness,
    load_manifest,
    load_results,
    measure_table,
    percentile_rank,
    profile_pca,
    suggest,
)
from textscan.pipeline import scan

SUBJECTS = ["De gemeente", "Het college", "De burgemeester", "Ons team", "De raad"]
PLACES = [
    "in het centrum",
    "op het stationsplein",
    "in de wijk",
    "rond het dorpsplein",
    "bij de basisschool",
]
REPRESSIVE = [
    "wil de overlast streng aanpakken",
    "gaat de criminaliteit hard bestrijden",
    "zet in op strenge handhaving tegen overlast",
    "kiest voor repressie bij drugshandel",
    "wil inbraken met hoge boetes bestrijden",
    "zet cameratoezicht in tegen criminaliteit",
    "legt hoge boetes op bij overlast",
    "wil drugshandel met harde handhaving aanpakken",
]
POSITIVE = [
    "bouwt aan vertrouwen tussen bewoners",
    "zoekt verbinding met de buurt",
    "investeert in samenwerking met vrijwilligers",
    "wil samenwerken met het buurthuis",
    "brengt bewoners met elkaar in verbinding",
    "versterkt het vertrouwen van ouders en jongeren",
    "wil samenwerken met sportclubs en vrijwilligers",
    "zoekt samenwerking met bewoners en ouders",
]
PLANTED_SYNONYM = [
    "bouwt aan wijkwarmte tussen bewoners",
    "zoekt wijkwarmte met de buurt",
    "investeert in wijkwarmte met vrijwilligers",
    "versterkt de wijkwarmte van ouders en jongeren",
]
PLAIN = [
    "Dit plan beschrijft de veiligheid in de gemeente voor de komende vier jaar.",
    "De raad stelt het plan vast en krijgt elk jaar een verslag.",
    "In hoofdstuk twee staan de cijfers over meldingen en aangiften.",
    "Het budget voor veiligheid blijft gelijk aan dat van vorig jaar.",
]
# document -> (framing, region)
PLANS = {
    "kaaplaan": ("repressive", "kust"),
    "ijzerdam": ("repressive", "binnenland"),
    "grauwveen": ("repressive", "binnenland"),
    "lindendal": ("positive", "kust"),
    "zonnedorp": ("positive", "binnenland"),
    "weidebroek": ("positive", "binnenland"),
}
REPRESSIVE_PLANS = [d for d, (f, _) in PLANS.items() if f == "repressive"]
POSITIVE_PLANS = [d for d, (f, _) in PLANS.items() if f == "positive"]


def _sentences(phrases: list[str], offset: int, n: int = 40) -> list[str]:
    combos = [(s, p, q) for p in phrases for s in SUBJECTS for q in PLACES]
    out: list[str] = []
    i = offset
    while len(out) < n:
        s, p, q = combos[i % len(combos)]
        line = f"{s} {p} {q}."
        if line not in out:
            out.append(line)
        i += 7
    return out


def plan_text(name: str) -> str:
    framing, region = PLANS[name]
    k = list(PLANS).index(name) % 3
    body = _sentences(REPRESSIVE if framing == "repressive" else POSITIVE, offset=k * 3)
    if framing == "positive":
        body += [
            f"{SUBJECTS[(k + i) % 5]} {v} {PLACES[(k + 2 * i) % 5]}."
            for i, v in enumerate(PLANTED_SYNONYM)
        ]
    phrases = REPRESSIVE if framing == "repressive" else POSITIVE
    if region == "kust":
        body += [f"De dijkwacht {phrases[i]} {PLACES[i % 5]}." for i in range(8)]
    if name == "kaaplaan":
        body += [f"De zeewering {phrases[i]} {PLACES[i % 5]}." for i in range(2, 8)]
    paragraphs = [" ".join(body[i : i + 4]) for i in range(0, len(body), 4)]
    return f"# Veiligheidsplan {name.title()}\n\n" + "\n\n".join([*paragraphs, " ".join(PLAIN)])


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("plans")
    for name in PLANS:
        (folder / f"{name}.txt").write_text(plan_text(name), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def results_dir(corpus_dir: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("results")
    result = scan([corpus_dir], out=out)
    assert result.ok
    return out


@pytest.fixture(scope="module")
def results(results_dir: Path) -> Results:
    return load_results(results_dir)


@pytest.fixture(scope="module")
def manifest_csv(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("meta") / "manifest.csv"
    rows = ["file;municipality;cbs_code;region;population"]
    for i, (doc, (_, region)) in enumerate(PLANS.items()):
        rows.append(f"plans/{doc}.txt;{doc.title()};0{i + 1}00;{region};{(i + 1) * 10000}")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


# --------------------------------------------------------------------------- loading


def test_load_results_reads_every_table(results: Results):
    assert sorted(results.documents) == sorted(PLANS)
    assert {"document", "lemmas", "text"} <= set(results.sentences.columns)
    assert len(results.hits) > 0
    assert results.provenance["lexicons"][0]["name"] == "framing"
    assert len(results.provenance["lexicons"][0]["sha256"]) == 64


def test_load_results_names_folder_without_profiles(tmp_path: Path):
    (tmp_path / "plan.txt").write_text("Tekst.", encoding="utf-8")
    with pytest.raises(ResultsError, match=r"not a textscan results folder: no profiles\.csv"):
        load_results(tmp_path)


def test_load_results_names_the_malformed_file(results_dir: Path, tmp_path: Path):
    broken = tmp_path / "broken"
    broken.mkdir()
    for name in ("profiles.csv", "provenance.json"):
        (broken / name).write_bytes((results_dir / name).read_bytes())
    (broken / "sentences.parquet").write_bytes(b"this is not parquet")
    with pytest.raises(ResultsError) as info:
        load_results(broken)
    assert "sentences.parquet" in str(info.value)
    assert "Parquet" in str(info.value)


def test_load_results_rejects_a_table_without_document_column(tmp_path: Path):
    bad = tmp_path / "profiles.csv"
    bad.write_text("name,balance\na,0.5\n", encoding="utf-8")
    with pytest.raises(ResultsError, match=r"profiles\.csv.*column\(s\) document missing"):
        load_results(bad)


def test_load_results_refuses_the_same_document_twice(results_dir: Path):
    with pytest.raises(ResultsError, match="appears"):
        load_results([results_dir, results_dir / "profiles.csv"])


def test_load_results_refuses_scans_with_different_lexicon_versions(
    results_dir: Path, tmp_path: Path
):
    other = tmp_path / "other"
    other.mkdir()
    profiles = pd.read_csv(results_dir / "profiles.csv")
    profiles["document"] = profiles["document"] + "-2"
    profiles.to_csv(other / "profiles.csv", index=False)
    prov = json.loads((results_dir / "provenance.json").read_text())
    prov["lexicons"][0]["sha256"] = "0" * 64
    (other / "provenance.json").write_text(json.dumps(prov))
    with pytest.raises(ResultsError, match="same lexicons"):
        load_results([results_dir, other])


# --------------------------------------------------------------------------- measures


def _profiles(**columns: list[float]) -> pd.DataFrame:
    n = len(next(iter(columns.values())))
    return pd.DataFrame({"document": [f"d{i}" for i in range(n)], **columns})


def test_percentile_rank_counts_ties_half_and_skips_missing():
    pct = percentile_rank(pd.Series([1.0, 2.0, 2.0, 4.0, np.nan]))
    assert pct.iloc[:4].tolist() == [12.5, 50.0, 50.0, 87.5]
    assert np.isnan(pct.iloc[4])


def test_measure_table_gives_percentile_and_z_per_measure():
    profiles = _profiles(
        words=[100, 200, 300, 400],
        balance=[-0.5, 0.0, 0.5, np.nan],
        balance_ci_low=[-0.9, -0.4, 0.1, np.nan],
        balance_ci_high=[-0.1, 0.4, 0.9, np.nan],
    )
    t = measure_table(profiles)
    assert t.columns.tolist() == [
        "document",
        "words",
        "words_pct",
        "words_z",
        "balance",
        "balance_ci_low",
        "balance_ci_high",
        "balance_pct",
        "balance_z",
    ]
    assert t["words_pct"].tolist() == [12.5, 37.5, 62.5, 87.5]
    sd = np.std([100, 200, 300, 400], ddof=1)
    assert t["words_z"].tolist() == pytest.approx([(w - 250) / sd for w in (100, 200, 300, 400)])
    # a document without a balance has no rank and is not counted in the others'
    assert t["balance_pct"].iloc[:3].tolist() == pytest.approx([100 / 6, 50.0, 500 / 6])
    assert t["balance_z"].iloc[:3].tolist() == pytest.approx([-1.0, 0.0, 1.0])
    assert t["balance_pct"].isna().iloc[3] and t["balance_z"].isna().iloc[3]


def test_measure_table_of_real_profiles_ranks_balance(results: Results):
    t = measure_table(results.profiles).set_index("document")
    for col in ("balance", "repressive_per_1000", "positive_sentence_share"):
        assert f"{col}_pct" in t and f"{col}_z" in t
    assert t.loc[POSITIVE_PLANS, "balance_pct"].min() > t.loc[REPRESSIVE_PLANS, "balance_pct"].max()
    assert t["balance_z"].mean() == pytest.approx(0.0, abs=1e-9)


def test_manifest_joins_by_file_stem_and_keeps_codes_as_text(results: Results, manifest_csv):
    meta = load_manifest(manifest_csv)
    assert meta["document"].tolist() == list(PLANS)
    assert meta["cbs_code"].tolist()[0] == "0100"  # leading zero kept
    assert meta["population"].dtype.kind in "if"
    t = measure_table(results.profiles, manifest_csv)
    assert t.columns[:5].tolist() == [
        "document",
        "municipality",
        "cbs_code",
        "region",
        "population",
    ]
    summary = group_summary(t, by="region").set_index("region")
    assert summary.loc["kust", "documents"] == 2
    kust = t.loc[t["region"] == "kust", "balance"]
    assert summary.loc["kust", "balance_mean"] == pytest.approx(kust.mean())


def test_manifest_that_matches_nothing_says_so(results: Results, tmp_path: Path):
    m = tmp_path / "m.csv"
    m.write_text("id,province\nrotterdam,Zuid-Holland\n", encoding="utf-8")
    with pytest.raises(ResultsError, match="no manifest row matches"):
        measure_table(results.profiles, m)


def test_group_summary_names_valid_columns(results: Results):
    with pytest.raises(ResultsError, match="available: document"):
        group_summary(measure_table(results.profiles), by="provincie")


# --------------------------------------------------------------------------- keyness


@pytest.mark.parametrize("measure", ["g2", "log_odds"])
def test_keyness_word_only_in_target_group_ranks_first(results: Results, measure):
    kust = [d for d, (_, region) in PLANS.items() if region == "kust"]
    k = keyness(results.sentences, kust, measure=measure)
    assert k.iloc[0]["lemma"] == "dijkwacht"
    assert k.iloc[0]["count_reference"] == 0
    assert k.iloc[0]["keyness"] > 0
    assert k["rank"].tolist() == list(range(1, len(k) + 1))


@pytest.mark.parametrize("measure", ["g2", "log_odds"])
def test_keyness_word_only_in_one_document_ranks_first(results: Results, measure):
    k = keyness(results.sentences, "kaaplaan", measure=measure)
    assert k.iloc[0]["lemma"] == "zeewering"


def test_keyness_signs_and_excludes_stopwords(results: Results):
    k = keyness(results.sentences, REPRESSIVE_PLANS).set_index("lemma")
    # repressive plans overuse their words, underuse the positive plans' words
    assert k.loc["boete", "g2"] > 0 and k.loc["boete", "log_odds_z"] > 0
    assert k.loc["vrijwilliger", "g2"] < 0 and k.loc["vrijwilliger", "log_odds_z"] < 0
    assert k.loc["plan", "p_value"] > 0.5  # used alike by all plans
    assert not {"de", "het", "en", "met"} & set(k.index)


def test_keyness_g2_matches_hand_computation():
    sentences = pd.DataFrame(
        {
            "document": ["a", "b"],
            "sentence_id": [0, 0],
            "lemmas": [
                "boete boete boete boete boete veld veld veld veld veld",
                "boete veld veld veld veld veld veld veld veld veld",
            ],
        }
    )
    k = keyness(sentences, "a", min_count=1).set_index("lemma")
    a, b, n1, n2 = 5, 1, 10, 10
    e1, e2 = n1 * (a + b) / (n1 + n2), n2 * (a + b) / (n1 + n2)
    g2 = 2 * (a * np.log(a / e1) + b * np.log(b / e2))
    assert k.loc["boete", "g2"] == pytest.approx(g2)
    assert k.loc["veld", "g2"] < 0


def test_keyness_unknown_target_lists_documents(results: Results):
    with pytest.raises(ResultsError, match="documents: grauwveen"):
        keyness(results.sentences, "atlantis")


# --------------------------------------------------------------------------- LSS


def test_default_seeds_come_from_the_framing_poles():
    seeds = default_seeds()
    assert seeds["vertrouwen"] == 1 and seeds["samenwerking"] == 1
    assert seeds["bestrijden"] == -1 and seeds["handhaving"] == -1
    assert "voorkomen" not in seeds  # preventive has pole 0
    assert all(" " not in w for w in seeds)


def test_lss_seed_poles_separate_repressive_and_positive_plans(results: Results):
    lss = LSSScaler().fit(results.sentences)
    scores = lss.transform(results.sentences).set_index("document")
    assert scores.columns.tolist() == ["score", "se", "n_words"]
    assert scores.loc[POSITIVE_PLANS, "score"].min() > scores.loc[REPRESSIVE_PLANS, "score"].max()
    # the gap is large against the standard errors
    gap = scores.loc[POSITIVE_PLANS, "score"].min() - scores.loc[REPRESSIVE_PLANS, "score"].max()
    assert gap > 5 * scores["se"].max()
    assert (scores["se"] > 0).all() and (scores["n_words"] > 100).all()


def test_lss_scores_unseen_text_without_seed_words(results: Results):
    # fixed seeds, so that the bundled lexicon growing cannot turn the test words into seeds
    lss = LSSScaler(
        seeds=(
            ["vertrouwen", "verbinding", "samenwerking"],
            ["bestrijden", "handhaving", "aanpakken"],
        )
    ).fit(results.sentences)
    seeds = set(lss.seeds_)
    new = pd.DataFrame(
        {
            "document": ["strenge-tekst", "zachte-tekst"],
            "sentence_id": [0, 0],
            "lemma": ["", ""],
            "lemmas": [
                "de gemeente leggen hoog boete op bij drugshandel en cameratoezicht",
                "bewoner en vrijwilliger ontmoeten ouder en jongere in het buurthuis",
            ],
        }
    )
    assert not seeds & set(" ".join(new["lemmas"]).split())
    scores = lss.transform(new).set_index("document")["score"]
    assert scores["strenge-tekst"] < 0 < scores["zachte-tekst"]


def test_lss_follows_estimator_conventions(results: Results):
    lss = LSSScaler(n_components=300, seeds=(["vertrouwen"], ["boete"]))
    assert not hasattr(lss, "polarity_")
    assert lss.fit(results.sentences) is lss
    names = lss.get_feature_names_out()
    assert list(lss.polarity_.index) == list(names)
    assert lss.n_components_ <= effective_components(300, (len(results.sentences), len(names)))
    assert lss.seeds_ == {"boete": -1, "vertrouwen": 1}
    assert lss.polarity_["vertrouwen"] > 0 > lss.polarity_["boete"]
    with pytest.raises(ResultsError, match="not fitted"):
        LSSScaler().transform(results.sentences)


def test_lss_without_seed_in_corpus_says_which(results: Results):
    with pytest.raises(ResultsError, match="no positive seed word"):
        LSSScaler(seeds=(["geborgenheid"], ["boete"])).fit(results.sentences)


def test_effective_components_keeps_large_corpora_at_request():
    assert effective_components(300, (10_000, 5_000)) == 300
    assert effective_components(300, (300, 60)) == 6
    assert effective_components(300, (4, 3)) == 2


# --------------------------------------------------------------------------- PCA, clusters


def _two_groups(n: int = 10, seed: int = 3) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    centre = np.array([[-0.6, 4.0, 1.0, 0.05], [0.6, 1.0, 4.0, 0.20]])
    rows = []
    for i in range(n):
        g = i % 2
        v = centre[g] + rng.normal(0, [0.05, 0.3, 0.3, 0.01])
        rows.append(
            {
                "document": f"plan{i}",
                "words": 1000 + 500 * i,
                "balance": v[0],
                "repressive_per_1000": v[1],
                "positive_per_1000": v[2],
                "positive_sentence_share": v[3],
                "repressive_count": 10 + i,
            }
        )
    return pd.DataFrame(rows)


def test_clustering_recovers_two_clear_groups():
    profiles = _two_groups()
    clusters, sil = cluster_profiles(profiles)
    assert sil["k"].tolist() == list(range(2, 9))
    assert sil.loc[sil["best"], "k"].item() == 2
    assert sil.loc[sil["best"], "silhouette"].item() > 0.7
    truth = [i % 2 for i in range(len(profiles))]
    labels = clusters["cluster"].tolist()
    assert labels == [1 if t == 0 else 2 for t in truth]
    assert clusters.columns[:4].tolist() == ["document", "cluster", "k", "silhouette"]


def test_clustering_needs_three_documents():
    clusters, sil = cluster_profiles(_two_groups(2))
    assert clusters.empty and sil.empty


def test_pca_first_component_separates_groups_on_length_free_measures():
    profiles = _two_groups()
    scores, loadings = profile_pca(profiles)
    assert set(loadings["measure"]) == {
        "balance",
        "repressive_per_1000",
        "positive_per_1000",
        "positive_sentence_share",
    }  # counts and size are left out
    pc1 = scores["PC1"].to_numpy()
    groups = np.array([i % 2 for i in range(len(profiles))])
    assert (np.sign(pc1[groups == 0]) != np.sign(pc1[groups == 1][0])).all()
    first = loadings[loadings["component"] == "PC1"]
    assert first["explained_variance_ratio"].iloc[0] > 0.8
    assert first["loading"].abs().max() <= 1.0 + 1e-9
    assert first["loading"].iloc[0] > 0  # sign convention: largest loading positive


# --------------------------------------------------------------------------- suggest


def test_suggest_finds_the_planted_synonym_with_context(results: Results):
    s = suggest("positive", results, n=5)
    assert s.iloc[0]["lemma"] == "wijkwarmte"
    row = s.iloc[0]
    assert row["count"] == 12 and row["documents"] == 3
    assert "[wijkwarmte]" in row["kwic_1"] and row["kwic_1"].split(":")[0] in POSITIVE_PLANS
    assert row["kwic_3"]
    lexicon_words = set(default_seeds())
    assert not lexicon_words & set(s["lemma"])


def test_suggest_leaves_out_words_a_lexicon_already_matches(tmp_path: Path):
    # "drugsbestrijding" is counted through the compound rule, so it is not new
    body = " ".join(
        f"Het college wil de {w} {p} versterken."
        for p in PLACES
        for w in ("bestrijding", "drugsbestrijding", "aanpak")
    )
    (tmp_path / "a.txt").write_text(body * 2, encoding="utf-8")
    (tmp_path / "b.txt").write_text(" ".join(PLAIN) * 3, encoding="utf-8")
    s = suggest("repressive", tmp_path, n=30, min_count=1)
    assert "drugsbestrijding" not in set(s["lemma"])


def test_suggest_leaves_out_the_parts_of_split_verbs_and_english_passages(tmp_path: Path):
    # "pakken" is only ever the verb of aanpakken ("pakken ... aan"), which is counted;
    # "crackdown" and "enforcement" stand in an English passage
    body = " ".join(f"Wij pakken de overlast {p} aan en bestrijden de handel {p}." for p in PLACES)
    english = " ".join(
        f"The council will use crackdown and enforcement against the gangs in {p}." for p in PLACES
    )
    (tmp_path / "a.txt").write_text(body * 2, encoding="utf-8")
    (tmp_path / "b.txt").write_text((body + " " + english) * 2, encoding="utf-8")
    (tmp_path / "c.txt").write_text(" ".join(PLAIN) * 3, encoding="utf-8")
    lemmas = set(suggest("repressive", tmp_path, n=60, min_count=1)["lemma"])
    assert "pakken" not in lemmas
    assert not lemmas & {"crackdown", "enforcement", "the", "and", "council", "gangs"}
    assert "handel" in lemmas or "overlast" in lemmas  # Dutch words beside the hits stay


def test_suggest_unknown_category_lists_valid_ones(results: Results):
    with pytest.raises(ResultsError, match=r"valid: .*framing:positive"):
        suggest("verbindend", results)


# --------------------------------------------------------------------------- compare


def test_compare_writes_every_table_with_provenance(results_dir, manifest_csv, tmp_path):
    out = tmp_path / "cmp"
    r = compare([results_dir], out, manifest=manifest_csv, group_by="region")
    names = [
        "measures",
        "keyness",
        "scaling",
        "pca_loadings",
        "clusters",
        "silhouette",
        "lss_words",
        "groups",
        "left_out",
    ]
    for name in names:
        assert (out / f"{name}.csv").is_file(), name
        assert (out / f"{name}.parquet").is_file(), name
    prov = json.loads((out / "provenance.json").read_text())
    scan_prov = json.loads((results_dir / "provenance.json").read_text())
    assert prov["results"]["lexicons"][0]["sha256"] == scan_prov["lexicons"][0]["sha256"]
    assert prov["parameters"]["group_by"] == "region"

    import openpyxl
    import pyarrow.parquet as pq

    wb = openpyxl.load_workbook(out / "comparison.xlsx", read_only=True)
    assert wb.sheetnames == [*names, "provenance"]
    meta = pq.read_schema(out / "scaling.parquet").metadata
    assert json.loads(meta[b"textscan.provenance"])["textscan_version"] == prov["textscan_version"]
    for name in names:
        frame = pd.read_csv(out / f"{name}.csv")
        assert frame.columns[-2:].tolist() == ["textscan_version", "lexicons"], name
        assert frame["lexicons"].str.startswith("framing@").all(), name

    measures = pd.read_csv(out / "measures.csv")
    assert measures.columns[:3].tolist() == ["document", "municipality", "cbs_code"]
    scaling = r.scaling.set_index("document")
    assert scaling.columns[:5].tolist() == [
        "lss_score",
        "lss_se",
        "lss_n_words",
        "lss_score_z",
        "lss_se_z",
    ]
    assert scaling.loc[POSITIVE_PLANS, "lss_score_z"].min() > 0
    assert scaling.loc[REPRESSIVE_PLANS, "lss_score_z"].max() < 0
    key = r.keyness
    assert set(key["target"]) == {"kust", "binnenland"}
    assert key.loc[key["target"] == "kust", "lemma"].iloc[0] == "dijkwacht"
    assert r.groups is not None and set(r.groups["region"]) == {"kust", "binnenland"}


def test_compare_leaves_out_a_copy_and_a_foreign_document_and_says_why(corpus_dir, tmp_path):
    from click.testing import CliRunner

    from textscan.cli import cli

    folder = tmp_path / "plans"
    shutil.copytree(corpus_dir, folder)
    # the same plan twice (a draft saved as text beside it), and an English document
    (folder / "zz-kaaplaan-kopie.txt").write_text(
        (corpus_dir / "kaaplaan.txt").read_text(encoding="utf-8") + "\nVastgesteld.\n",
        encoding="utf-8",
    )
    (folder / "english.txt").write_text(
        "The council works with the police and schools to reduce crime in every district. " * 30,
        encoding="utf-8",
    )
    res = tmp_path / "res"
    scan([folder], out=res, jobs=0, cache=False)
    r = compare([res], tmp_path / "cmp")
    assert sorted(r.measures["document"]) == sorted(PLANS)  # each plan once, no English text
    assert set(r.scaling["document"]) == set(PLANS) and set(r.clusters["document"]) <= set(PLANS)
    left = r.left_out.set_index("document")
    assert left.loc["zz-kaaplaan-kopie", "reason"] == "same-text"
    assert left.loc["zz-kaaplaan-kopie", "same_as"] == "kaaplaan"
    assert left.loc["zz-kaaplaan-kopie", "overlap"] > 0.8
    assert left.loc["english", "reason"] == "not-dutch"
    written = pd.read_csv(tmp_path / "cmp" / "left_out.csv")
    assert sorted(written["document"]) == ["english", "zz-kaaplaan-kopie"]
    prov = json.loads((tmp_path / "cmp" / "provenance.json").read_text(encoding="utf-8"))
    assert {d["document"] for d in prov["left_out"]} == {"english", "zz-kaaplaan-kopie"}
    # kept on request
    every = compare([res], None, all_documents=True)
    assert len(every.measures) == len(PLANS) + 2 and every.left_out.empty
    out = CliRunner().invoke(cli, ["compare", str(res), "--out", str(tmp_path / "c2")])
    assert out.exit_code == 0, out.output
    assert "left out zz-kaaplaan-kopie: same text as kaaplaan" in out.output
    assert "left out english: not Dutch" in out.output


def test_compare_target_document_and_errors(results_dir, tmp_path):
    r = compare([results_dir], None, target="kaaplaan")
    assert set(r.keyness["target"]) == {"kaaplaan"}
    assert r.keyness["lemma"].iloc[0] == "zeewering"
    with pytest.raises(ResultsError, match="no document 'atlantis'"):
        compare([results_dir], None, target="atlantis")
    with pytest.raises(ResultsError, match="no column 'province'"):
        compare([results_dir], None, group_by="province")


@pytest.mark.slow
def test_compare_on_a_corpus_of_ten_thousand_sentences_takes_seconds(tmp_path):
    res = load_benchmark("bench_compare").synthetic(tmp_path / "res")
    started = time.perf_counter()
    r = compare([res], tmp_path / "out")
    seconds = time.perf_counter() - started
    assert len(r.scaling) == 12 and r.scaling["lss_score"].notna().all()
    assert seconds < 60, f"compare took {seconds:.1f} s"  # ~5 s on 2 cores; generous


# --------------------------------------------------------------------------- CLI


def test_cli_compare_prints_summary_and_writes(results_dir, tmp_path):
    runner = CliRunner()
    out = tmp_path / "cmp"
    result = runner.invoke(cli, ["compare", str(results_dir), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "6 documents compared" in result.output
    assert "kaaplaan" in result.output and "zeewering" in result.output
    assert (out / "comparison.xlsx").is_file()


def test_cli_compare_missing_results_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["compare", str(tmp_path / "nope"), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "no such file or folder" in result.output


def test_cli_suggest_on_a_folder_of_documents(corpus_dir):
    result = CliRunner().invoke(
        cli, ["suggest", "positive", "--corpus", str(corpus_dir), "-n", "3", "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("rank,lemma,similarity,count,documents,kwic_1")
    assert lines[1].split(",")[1] == "wijkwarmte"


@pytest.mark.slow
def test_compare_on_real_manifestos_finds_each_party_name(shared_data, tmp_path):
    """Five 2023 election manifestos: each party's own name sets its text apart."""
    folder = shared_data / "pdf" / "manifestos-2023"
    if not folder.is_dir():
        pytest.skip(f"shared test data not available: {folder}")
    scan([folder], out=tmp_path / "res")
    r = compare([tmp_path / "res"], tmp_path / "out")
    for party in ("50plus", "BVNL", "LP", "Piratenpartij"):
        top = r.keyness.loc[r.keyness["target"] == party, "lemma"].head(3).tolist()
        assert party.lower() in top, (party, top)
    assert r.scaling["lss_score"].notna().all()
    assert r.seconds < 60


def test_names_written_with_a_capital_are_no_lexicon_candidates():
    from textscan.compare import _is_name

    texts = pd.Series(
        [
            "In Zuiderwolde werken bewoners samen.",
            "Het dorpshuis van Zuiderwolde is open.",
            "Dijkerveen-Centrum krijgt een nieuw plein.".replace("-", ""),
            "Het dorpshuis is een plek van ontmoeting.",
        ]
    )
    assert _is_name("zuiderwolde", texts)
    assert not _is_name("dorpshuis", texts)
    assert not _is_name("dijkerveencentrum", texts)  # only at a sentence start: undecided
