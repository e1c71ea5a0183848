"""Reads the Prometheus text format on stdin with the official Python client's parser and writes its
samples as a JSON array: family, type, sample name, labels, value (non-finite values as Java's text).
A line the parser refuses ends it with an error and a non-zero status (MetricsIT)."""
import json
import math
import sys

from prometheus_client.parser import text_string_to_metric_families

# as Java's Double.parseDouble reads them
JAVA_TEXT = {"nan": "NaN", "inf": "Infinity", "-inf": "-Infinity"}

samples = []
for family in text_string_to_metric_families(sys.stdin.read()):
    for sample in family.samples:
        value = sample.value if math.isfinite(sample.value) else JAVA_TEXT[str(sample.value)]
        samples.append({"family": family.name, "type": family.type, "name": sample.name,
                        "labels": sample.labels, "value": value})
json.dump(samples, sys.stdout)
