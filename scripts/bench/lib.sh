# Shared by the benchmark scripts (sourced): the Reuters-21578 corpus of
# ../shared, unpacked once into the build directory, and the median of numbers.

# Sets corpus to the unpacked Reuters directory under build directory $1;
# exits 2 with a message when ../shared is absent.
reuters_corpus() {
    local archive=../shared/corpus/reuters21578/reuters21578.tar.zst
    [[ -f $archive ]] || { echo "bench: $archive not found (../shared is needed)" >&2; exit 2; }
    corpus=$1/corpus/reuters21578
    if [[ ! -d $corpus ]]; then
        mkdir -p "$1/corpus"
        tar --zstd -xf "$archive" -C "$1/corpus"
    fi
}

# The median of the numbers on stdin, one a line.
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
