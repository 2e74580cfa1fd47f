#!/usr/bin/env python3
"""Writes tests/fixtures/sklearn_kmeans.json: small data sets with scikit-learn's k-means results, so the Rust tests can
check that our engine reaches an inertia at least as good as scikit-learn's (within 1%) without needing Python.

Made with scikit-learn 1.9.1, numpy 2.4.6, Python 3.11. To regenerate (the output is deterministic for a given version):
    python3 -m venv .venv && .venv/bin/pip install scikit-learn==1.9.1
    .venv/bin/python scripts/sklearn_fixture.py

Per case the fixture holds:
  - points (row-major, rounded to 6 decimals) and optional weights; every number below is computed on exactly those
    rounded values, so a test never compares against results for data it was not given;
  - sklearnInertia/sklearnCentroids: best of nInit greedy k-means++ runs (lloyd, default tol, fixed random_state);
  - sklearnInertiaSpread: min/median/max of that best-of-nInit inertia over 20 other random states. Measured: the
    best of 4 runs still varies by up to 5-8% between seeds here (k=8 and k=20 on the metro data), so one seed of ours
    against one seed of scikit-learn is a coin toss at 1%; compare a median over a few seeds with the median here;
  - init/fromInit: explicit initial centroids (k distinct data points) and the result of lloyd from them with tol=0
    (run until no label changes, so no tolerance convention is involved), a deterministic reference that does not
    depend on anybody's random numbers; fromInitDefaultTolIterations is how many iterations the default tol took.
"""

import json
import pathlib

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from threadpoolctl import threadpool_limits

SEED = 20240611
ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "sklearn_kmeans.json"
N_INIT = 4
RANDOM_STATE = 7


def metro(rng, n, hotspots):
    """Delivery addresses in a 60 x 40 km metro area, in km: dense hotspots of different sizes, plus 10% scattered."""
    centres = rng.uniform([0, 0], [60, 40], size=(hotspots, 2))
    spread = rng.uniform(0.5, 4.0, size=hotspots)
    share = rng.dirichlet(np.full(hotspots, 2.0))
    n_scatter = n // 10
    which = rng.choice(hotspots, size=n - n_scatter, p=share)
    clustered = centres[which] + rng.normal(size=(n - n_scatter, 2)) * spread[which, None]
    scatter = rng.uniform([0, 0], [60, 40], size=(n_scatter, 2))
    pts = np.vstack([clustered, scatter])
    return pts[rng.permutation(n)]


def blobs(rng, n, dim, groups):
    centres = rng.uniform(-10, 10, size=(groups, dim))
    which = rng.integers(groups, size=n)
    return centres[which] + rng.normal(size=(n, dim)) * rng.uniform(0.5, 2.5, size=groups)[which, None]


def inertia(x, c, w):
    d2 = ((x[:, None, :] - c[None, :, :]) ** 2).sum(axis=2).min(axis=1)
    return float((d2 * (1.0 if w is None else w)).sum())


def fit(x, w, k, **kw):
    km = KMeans(n_clusters=k, algorithm="lloyd", **kw).fit(x, sample_weight=w)
    # Our check of the rounded-data rule: sklearn's own inertia_ must match an independent recomputation.
    assert abs(km.inertia_ - inertia(x, km.cluster_centers_, w)) <= 1e-9 * km.inertia_, (km.inertia_, kw)
    return km


def case(rng, name, x, k, w=None):
    x = np.round(x, 6)
    if w is not None:
        w = np.round(w, 6)
    best = fit(x, w, k, init="k-means++", n_init=N_INIT, random_state=RANDOM_STATE)
    spread = sorted(
        fit(x, w, k, init="k-means++", n_init=N_INIT, random_state=s).inertia_ for s in range(100, 120)
    )
    init = x[rng.choice(len(x), size=k, replace=False)]
    from_init = fit(x, w, k, init=init, n_init=1, tol=0.0)
    assert from_init.n_iter_ < from_init.max_iter, "labels did not settle; the fromInit reference would depend on max_iter"
    default_tol_iterations = fit(x, w, k, init=init, n_init=1).n_iter_
    out = {
        "name": name,
        "n": len(x),
        "dim": x.shape[1],
        "k": k,
        "nInit": N_INIT,
        "randomState": RANDOM_STATE,
        "points": x.ravel().tolist(),
        "weights": None if w is None else w.tolist(),
        "sklearnInertia": best.inertia_,
        "sklearnIterations": int(best.n_iter_),
        "sklearnCentroids": best.cluster_centers_.ravel().tolist(),
        "sklearnInertiaSpread": {"min": spread[0], "median": spread[len(spread) // 2], "max": spread[-1]},
        "init": init.ravel().tolist(),
        "fromInit": {
            "tol": 0.0,
            "inertia": from_init.inertia_,
            "iterations": int(from_init.n_iter_),
            "centroids": from_init.cluster_centers_.ravel().tolist(),
        },
        "fromInitDefaultTolIterations": int(default_tol_iterations),
    }
    lo, hi = spread[0], spread[-1]
    print(f"{name:14} n={len(x):5} dim={x.shape[1]} k={k:2}  inertia={best.inertia_:.6g}  "
          f"spread over 20 seeds {lo:.6g}..{hi:.6g} ({(hi / lo - 1) * 100:.2f}%)  fromInit(tol 0) {from_init.inertia_:.6g} "
          f"in {from_init.n_iter_} it")
    return out


def main():
    rng = np.random.default_rng(SEED)
    cases = [
        case(rng, "metro-k3", metro(rng, 2000, 3), 3),
        case(rng, "metro-k8", metro(rng, 4000, 10), 8),
        case(rng, "metro-k20", metro(rng, 5000, 16), 20),
        # Weights as parcels per address: mostly 1, a few large senders.
        case(rng, "metro-weighted-k8", metro(rng, 3000, 8), 8, w=rng.geometric(0.5, 3000) * rng.uniform(0.5, 1.5, 3000)),
        case(rng, "blobs5d-k8", blobs(rng, 2000, 5, 6), 8),
    ]
    fixture = {
        "generator": "scripts/sklearn_fixture.py",
        "sklearnVersion": sklearn.__version__,
        "numpyVersion": np.__version__,
        "algorithm": "lloyd",
        "tol": 1e-4,
        "note": "points row-major, rounded to 6 decimals; all inertias are computed on the rounded points "
                "(sum of weight x squared euclidean distance to the nearest centroid)",
        "cases": cases,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(fixture, separators=(",", ":")) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)}: {OUT.stat().st_size} bytes, scikit-learn {sklearn.__version__}")


if __name__ == "__main__":
    # One thread: same numbers as on CI or a laptop, and no oversubscription on a 2-core machine.
    with threadpool_limits(1):
        main()
