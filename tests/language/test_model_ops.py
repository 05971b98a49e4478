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
