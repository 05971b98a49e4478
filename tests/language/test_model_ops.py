"""How the model multiplies matrices: numpy's OpenBLAS on one thread, not the blis wheel (three times slower
on the machines measured) and not a thread per core beside the pipeline's worker processes."""
from thinc.api import NumpyOps
from threadpoolctl import threadpool_info


def test_the_model_layers_use_numpy_matrix_products(nlp):
    for name in ("tok2vec", "ner", "parser"):
        ops = nlp.get_pipe(name).model.ops
        assert isinstance(ops, NumpyOps) and ops.use_blis is False, name


def test_one_blas_thread_once_the_model_is_loaded(nlp):
    blas = [p for p in threadpool_info() if p["user_api"] == "blas"]
    assert blas and all(p["num_threads"] == 1 for p in blas)


def test_the_model_is_loaded_without_its_stored_strings(nlp):
    # strings.json holds about 600,000 words: reading and hashing them is most of the model's load
    assert len(nlp.vocab.strings) < 50_000


def test_every_attribute_of_a_parsed_sentence_can_be_read(nlp):
    # what a text adds, the store has: no attribute needs a string the model's file would have brought
    doc = nlp("令和7年4月1日、北見市と北見信用金庫は創業支援に関する覚書を交わし、翌月から相談窓口を設けた。")
    seen = [(t.text, t.lemma_, t.norm_, t.tag_, t.pos_, t.dep_, t.ent_type_, str(t.morph), t.head.text) for t in doc]
    assert len(seen) == len(doc) and all(all(isinstance(x, str) for x in row) for row in seen)
    assert {e.label_ for e in doc.ents} and sum(t.has_vector for t in doc) > len(doc) // 2  # the static vectors, found by hash
