// Package docexamples holds documentation snippets that its tests run
// once (the MongoDB driver's internal/docexamples): silent.
package docexamples

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/mongo"
)

// Start Stable API Example
func StableAPIExample() error {
	client, err := mongo.Connect("mongodb://localhost")
	if err != nil {
		return err
	}
	return client.Disconnect(context.TODO())
}

// End Stable API Example
