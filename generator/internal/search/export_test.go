package search

// For the tests of package search_test.
var (
	EncodePostings = encodePostings
	DecodePostings = decodePostings
	IsCJK          = isCJK
	ChunkPer       = chunkPer
)
