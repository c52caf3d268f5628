"""numpy's BLAS runs on one thread once the window trains: threads spin-waiting on the
app's small matrices cost more than the work (see act_gui/qt/blas.py)."""

from threadpoolctl import threadpool_info


def test_the_blas_runs_on_one_thread_once_the_training_plots_exist(window):
    assert window.lab_plots is not None
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas, "numpy loaded no BLAS that threadpoolctl can see"
    assert all(pool["num_threads"] == 1 for pool in blas)
