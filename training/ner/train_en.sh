#!/usr/bin/env bash
# Convert the English NER sets, train, score and package the English NER model (en_news_ner).
#   bash training/ner/train_en.sh          (from the repository root; ~20 min on a loaded 2-core machine)
# Environment: PYTHON (default .venv/bin/python), DATA (default ../shared/data/ner/en), SETS (training
# sets, default wikigold,gum,redocred,crossner), RUN (output/<RUN>, default "en_final"); further
# arguments go to `spacy train` (e.g. --training.max_steps 5000).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
PYTHON="${PYTHON:-$root/.venv/bin/python}"
DATA="${DATA:-$root/../shared/data/ner/en}"
SETS="${SETS:-wikigold,gum,redocred,crossner}"
RUN="${RUN:-en_final}"
cd "$here"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"

"$PYTHON" en_convert.py "$DATA" en/corpus --sets "$SETS"
"$PYTHON" -m spacy train en.cfg --output "output/$RUN" "$@"
"$PYTHON" en_evaluate.py "output/$RUN/model-best" > "output/$RUN/scores.json"
cat "output/$RUN/scores.json"
"$PYTHON" en_package.py "output/$RUN/model-best" --scores "output/$RUN/scores.json"
