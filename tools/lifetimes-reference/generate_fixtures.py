"""Writes test/fixtures/lifetimes/*.json: what lifetimes' code gives on the shared data.

    python3 tools/lifetimes-reference/generate_fixtures.py

Reads the shared reference data (REGULARS_SHARED_DATA, else ../shared/data beside the
repository) and, per data set: the summaries at freq "D" and "W", the three models fitted
in weeks, predictions for about twenty chosen customers, population predictions and the
holdout totals. See README.md beside this file.
"""

import json
import os
import sys
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np

from models import BetaGeoFitter, GammaGammaFitter, ParetoNBDFitter
from summaries import calibration_and_holdout_data

REPOSITORY = Path(__file__).resolve().parents[2]
FIXTURES = REPOSITORY / "test" / "fixtures" / "lifetimes"
DAYS_PER_WEEK = 7
CUSTOMERS_PER_DATA_SET = 20
LONG_HORIZON_WEEKS = 1000  # far enough that BG/NBD's 2F1 argument passes 0.95
POPULATION_HORIZONS_WEEKS = [1, 13, 39, 52, 104]
CLV_MONTHS, CLV_MONTHLY_DISCOUNT = 12, 0.01


def shared_data() -> Path:
    candidates = [os.environ.get("REGULARS_SHARED_DATA"), REPOSITORY.parent / "shared" / "data"]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    sys.exit("The shared reference data is not there: set REGULARS_SHARED_DATA or clone shared/ beside the repository")


def cdnow_sample(data: Path):
    """CDNOW_sample.txt: orig_id new_id YYYYMMDD n_cds dollars; customers by their new id."""
    for line in (data / "cdnow" / "CDNOW_sample.txt").read_text().split("\n"):
        if line.strip():
            _, new_id, day, _, dollars = line.split()
            yield str(int(new_id)), datetime.strptime(day, "%Y%m%d"), float(dollars)


def cdnow_master(data: Path):
    """CDNOW_master.txt: customer_id date number_of_cds dollar_value, after a header."""
    for line in (data / "cdnow" / "CDNOW_master.txt").read_text().split("\n")[1:]:
        if line.strip():
            customer, day, _, dollars = line.split()
            yield customer, datetime.strptime(day, "%Y%m%d"), float(dollars)


def online_retail(data: Path):
    """Invoices with a customer that are not cancellations; value = Quantity × UnitPrice."""
    for line in (data / "online-retail" / "online_retail_invoices.csv").read_text().split("\n")[1:]:
        if line.strip():
            invoice, when, customer, _, quantity, price = line.split(",")
            if customer != "(blank)" and not invoice.startswith("C"):
                yield customer, datetime.strptime(when, "%m/%d/%Y %H:%M"), float(quantity) * float(price)


def end_of_day(day: str) -> datetime:
    """lifetimes compares raw transaction times with the period ends, and a bare date is its
    midnight: a purchase at 10:00 on the calibration end day would fall in the holdout.
    Regulars' ends are inclusive days, so the reference passes their last moment."""
    return datetime.fromisoformat(day) + timedelta(days=1, microseconds=-1)


def in_id_order(summary):
    """Customer ids in numeric order (the files' ids are digits, some zero-padded)."""
    return sorted(summary, key=lambda i: (len(i), i))


def columns(summary, ids, *names):
    return [np.array([summary[i][name] for i in ids], dtype=float) for name in names]


def choose_customers(summary):
    """About twenty customers that cover the edge cases, each with the reason it was chosen."""
    ids = in_id_order(summary)
    row = summary.__getitem__
    chosen = {}

    def pick(why, candidates, key):
        candidates = [i for i in candidates if i not in chosen]
        if candidates:
            chosen[min(candidates, key=key)] = why

    none = [i for i in ids if row(i)["frequency_cal"] == 0]
    once = [i for i in ids if row(i)["frequency_cal"] == 1]
    repeat = [i for i in ids if row(i)["frequency_cal"] > 0]
    many = [i for i in ids if row(i)["frequency_cal"] >= 5]
    pick("no repeat purchase, youngest", none, lambda i: row(i)["T_cal"])
    pick("no repeat purchase, oldest", none, lambda i: -row(i)["T_cal"])
    pick("one repeat purchase, the latest", once, lambda i: row(i)["T_cal"] - row(i)["recency_cal"])
    pick("one repeat purchase, long lapsed", once, lambda i: row(i)["recency_cal"] / row(i)["T_cal"])
    pick("repeat buyer, youngest", repeat, lambda i: row(i)["T_cal"])
    pick("most repeat purchases", repeat, lambda i: -row(i)["frequency_cal"])
    pick("five or more repeat purchases, long lapsed", many, lambda i: row(i)["recency_cal"] / row(i)["T_cal"])
    pick("five or more repeat purchases, the most recent", many, lambda i: row(i)["T_cal"] - row(i)["recency_cal"])
    pick("highest mean repeat value", repeat, lambda i: -row(i)["monetary_value_cal"])
    pick("lowest mean repeat value", [i for i in repeat if row(i)["monetary_value_cal"] > 0], lambda i: row(i)["monetary_value_cal"])
    pick("repeat purchases worth nothing (left out of Gamma-Gamma)", [i for i in repeat if row(i)["monetary_value_cal"] <= 0], ids.index)
    pick("most holdout purchases", ids, lambda i: -row(i)["frequency_holdout"])
    for i in ids:  # the first customers, as lifetimes' README shows them
        if len(chosen) >= CUSTOMERS_PER_DATA_SET:
            break
        chosen.setdefault(i, "among the first customers")
    return list(chosen.items())


def summary_check(transactions, calibration_end, holdout_end, freq, chosen_ids):
    """lifetimes' summaries at freq "D" or "W" (times in periods): totals over all customers
    and the rows of the chosen ones. At "W" without the holdout: lifetimes counts the
    calibration end's week again when a purchase falls in it after the calibration end,
    and Regulars has no weekly periods to compare that with."""
    summary = calibration_and_holdout_data(transactions, calibration_end, holdout_end, freq=freq)
    keys = ["frequency_cal", "recency_cal", "T_cal", "monetary_value_cal"] + (["frequency_holdout"] if freq == "D" else [])
    return {
        "freq": freq,
        "customers": len(summary),
        **({"duration_holdout": next(iter(summary.values()))["duration_holdout"]} if freq == "D" else {}),
        "totals": {key: float(sum(row[key] for row in summary.values())) for key in keys},
        "chosen": {i: {key: summary[i][key] for key in keys} for i in chosen_ids if i in summary},
    }


def fitted(model, names):
    out = {"params": dict(zip(names, model.params.tolist())), "log_likelihood": float(model.log_likelihood),
           "converged": model.converged, "message": model.message, "iterations": model.iterations}
    if not model.converged:
        out["lifetimes_raises"] = "ConvergenceError"
    if getattr(model, "standard_errors", None) is not None:
        out["std_errors"] = dict(zip(names, model.standard_errors.tolist()))
    return out


def holdout_totals(model, x, tx, T, actual, duration):
    """Predicted and actual holdout purchases, in total and by calibration repeat purchases (0 … 6, 7+)."""
    predicted = model.conditional_expected_number_of_purchases_up_to_time(duration, x, tx, T)
    groups = {}
    for label, members in [(str(k), x == k) for k in range(7)] + [("7+", x >= 7)]:
        if members.any():
            groups[label] = {"customers": int(members.sum()), "predicted": float(predicted[members].sum()),
                             "actual": float(actual[members].sum())}
    return {"customers": len(x), "predicted": float(predicted.sum()), "actual": float(actual.sum()), "by_calibration_purchases": groups}


def reference(name, source, transactions, calibration_day, holdout_day):
    transactions = list(transactions)
    calibration_end, holdout_end = end_of_day(calibration_day), end_of_day(holdout_day)
    # Weeks as exact days / 7: lifetimes' freq="D" with freq_multiplier=7, the unit of the
    # published CDNOW summary and of Regulars' `week`.
    summary = calibration_and_holdout_data(transactions, calibration_end, holdout_end, freq="D", freq_multiplier=DAYS_PER_WEEK)
    ids = in_id_order(summary)
    x, tx, T, m, actual = columns(summary, ids, "frequency_cal", "recency_cal", "T_cal", "monetary_value_cal", "frequency_holdout")
    duration = summary[ids[0]]["duration_holdout"]

    bgnbd = BetaGeoFitter().fit(x, tx, T)
    paretonbd = ParetoNBDFitter().fit(x, tx, T)
    # GammaGammaFitter refuses non-positive values: fitted on the repeat buyers with a positive mean.
    spenders = (x > 0) & (m > 0)
    gammagamma = GammaGammaFitter().fit(x[spenders], m[spenders])

    chosen = choose_customers(summary)
    chosen_ids = [i for i, _ in chosen]
    cx, ctx, cT, cm = columns(summary, chosen_ids, "frequency_cal", "recency_cal", "T_cal", "monetary_value_cal")
    horizons = [duration, 52.0, float(LONG_HORIZON_WEEKS)]

    def per_customer(model):
        alive = model.conditional_probability_alive(cx, ctx, cT)
        expected = {h: model.conditional_expected_number_of_purchases_up_to_time(h, cx, ctx, cT) for h in horizons}
        clv = gammagamma.customer_lifetime_value(model, cx, ctx, cT, cm, time=CLV_MONTHS, discount_rate=CLV_MONTHLY_DISCOUNT, freq="W")
        return lambda k: {"probability_alive": float(alive[k]), "clv": float(clv[k]),
                          "expected_purchases": {f"{h:g}": float(expected[h][k]) for h in horizons}}

    bgnbd_of, paretonbd_of = per_customer(bgnbd), per_customer(paretonbd)
    profit = gammagamma.conditional_expected_average_profit(cx, cm)
    customers = [{
        "id": i, "why": why, "x": float(cx[k]), "tx": float(ctx[k]), "T": float(cT[k]), "monetary": float(cm[k]),
        "bgnbd": bgnbd_of(k), "paretonbd": paretonbd_of(k), "expected_average_profit": float(profit[k]),
    } for k, (i, why) in enumerate(chosen)]

    p, q, v = gammagamma.params
    fixture = {
        "about": "What lifetimes' code gives on this data; written by tools/lifetimes-reference/generate_fixtures.py (see its README).",
        "data": source,
        "calibration_end": calibration_day,
        "holdout_end": holdout_day,
        "time_unit": "week = days / 7 (lifetimes freq 'D', freq_multiplier 7)",
        "summaries": [summary_check(transactions, calibration_end, holdout_end, freq, chosen_ids) for freq in ("D", "W")],
        "models": {
            "bgnbd": fitted(bgnbd, BetaGeoFitter.names),
            "paretonbd": fitted(paretonbd, ParetoNBDFitter.names),
            "gammagamma": {**fitted(gammagamma, GammaGammaFitter.names), "customers": int(spenders.sum())},
        },
        "population": {
            "bgnbd_expected_purchases": {f"{t:g}": float(bgnbd.expected_number_of_purchases_up_to_time(t)) for t in POPULATION_HORIZONS_WEEKS},
            "bgnbd_probability_of_purchases_in_52_weeks": [float(bgnbd.probability_of_n_purchases_up_to_time(52, n)) for n in range(8)],
            "paretonbd_expected_purchases": {f"{t:g}": float(paretonbd.expected_number_of_purchases_up_to_time(t)) for t in POPULATION_HORIZONS_WEEKS},
            "gammagamma_mean_value": float(v * p / (q - 1)),
        },
        "clv": {"months": CLV_MONTHS, "monthly_discount_rate": CLV_MONTHLY_DISCOUNT, "freq": "W", "periods_per_month": 4.345},
        "customers": customers,
        "holdout": {
            "duration": duration,
            "bgnbd": holdout_totals(bgnbd, x, tx, T, actual, duration),
            "paretonbd": holdout_totals(paretonbd, x, tx, T, actual, duration),
        },
    }
    FIXTURES.mkdir(parents=True, exist_ok=True)
    (FIXTURES / f"{name}.json").write_text(json.dumps(fixture, indent=1, allow_nan=False) + "\n")
    print(f"{name}: {len(ids)} customers; BG/NBD LL {bgnbd.log_likelihood:.3f}, Pareto/NBD LL {paretonbd.log_likelihood:.3f}, "
          f"Gamma-Gamma LL {gammagamma.log_likelihood:.3f}")


def main():
    data = shared_data()
    reference("cdnow-sample", "cdnow/CDNOW_sample.txt", cdnow_sample(data), "1997-09-30", "1998-06-30")
    reference("cdnow-master", "cdnow/CDNOW_master.txt", cdnow_master(data), "1997-09-30", "1998-06-30")
    reference("online-retail", "online-retail/online_retail_invoices.csv", online_retail(data), "2011-09-09", "2011-12-09")


if __name__ == "__main__":
    main()
