"""numpy's BLAS on one thread.

The app's matrices are small (at most 5,000 x 16), too small for threads to pay:
OpenBLAS split the decision surface's 4,096-point prediction across two threads whose
spin-waiting cost more than the work itself (measured by ``benchmarks/frames.py``: a
third of a frame on lesson 6's network). threadpoolctl finds the BLAS numpy really
loaded, which an environment variable set after numpy's import cannot.
"""

from __future__ import annotations

_done = False


def one_blas_thread() -> None:
    """Limit the BLAS to one thread (once; later calls do nothing)."""
    global _done
    if not _done:
        from threadpoolctl import threadpool_limits  # looking for the libraries takes ~10 ms

        threadpool_limits(limits=1, user_api="blas")
        _done = True
